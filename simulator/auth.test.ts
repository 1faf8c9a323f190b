import { DescribeOrganizationCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { FisClient, ListExperimentsCommand } from "@aws-sdk/client-fis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "./index";
import { assumeDemoRole, captureError, clientConfig, startTestSimulator } from "./test-support";

describe("credentials on data services", () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterAll(() => sim.close());

  it("refuses expired role credentials with ExpiredTokenException", async () => {
    const credentials = await assumeDemoRole(sim, sim.state.managementAccountId);
    const org = new OrganizationsClient(clientConfig(sim, credentials));
    await expect(org.send(new DescribeOrganizationCommand({}))).resolves.toBeDefined();
    const later = Date.now() + 2 * 3600_000;
    sim.state.setClock(() => new Date(later));
    try {
      const error = await captureError(() => org.send(new DescribeOrganizationCommand({})));
      expect(error.name).toBe("ExpiredTokenException");
      expect(error.$metadata?.httpStatusCode).toBe(400);
      const fis = await captureError(() => new FisClient(clientConfig(sim, credentials)).send(new ListExperimentsCommand({})));
      expect(fis.name).toBe("ExpiredTokenException");
      expect(fis.$metadata?.httpStatusCode).toBe(403);
    } finally {
      sim.state.setClock(() => new Date());
    }
  });

  it("refuses unknown keys with UnrecognizedClientException", async () => {
    const stranger = { accessKeyId: "AKIASTRANGER00000000", secretAccessKey: "s" };
    const org = await captureError(() =>
      new OrganizationsClient(clientConfig(sim, stranger)).send(new DescribeOrganizationCommand({})),
    );
    expect(org.name).toBe("UnrecognizedClientException");
    const fis = await captureError(() => new FisClient(clientConfig(sim, stranger)).send(new ListExperimentsCommand({})));
    expect(fis.name).toBe("UnrecognizedClientException");
  });

  it("refuses a session token that does not belong to the key", async () => {
    const credentials = await assumeDemoRole(sim, sim.state.managementAccountId);
    const forged = { ...credentials, sessionToken: "forged" };
    const error = await captureError(() =>
      new OrganizationsClient(clientConfig(sim, forged)).send(new DescribeOrganizationCommand({})),
    );
    expect(error.name).toBe("UnrecognizedClientException");
  });

  it("refuses unsigned JSON and REST requests", async () => {
    const json = await fetch(sim.url, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSOrganizationsV20161128.ListAccounts" },
      body: "{}",
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ __type: "MissingAuthenticationTokenException" });
    const rest = await fetch(`${sim.url}/experiments`);
    expect(rest.status).toBe(403);
    expect(rest.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
  });
});
