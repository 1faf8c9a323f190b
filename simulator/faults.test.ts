import { CloudTrailClient, DescribeTrailsCommand } from "@aws-sdk/client-cloudtrail";
import {
  AccessDeniedException,
  ListRootsCommand,
  OrganizationsClient,
  TooManyRequestsException,
} from "@aws-sdk/client-organizations";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "./index";
import { assumeDemoRole, captureError, clientConfig, startTestSimulator, type TestCredentials } from "./test-support";

describe("fault injection", () => {
  let sim: RunningSimulator;
  let management: TestCredentials;

  beforeAll(async () => {
    sim = await startTestSimulator();
    management = await assumeDemoRole(sim, sim.state.managementAccountId);
  });
  afterEach(() => sim.state.clearFaults());
  afterAll(() => sim.close());

  const org = () => new OrganizationsClient(clientConfig(sim, management));

  it("throttles with the service's own exception name", async () => {
    sim.state.addFault({ kind: "throttle", service: "organizations", action: "ListRoots" });
    const error = await captureError(() => org().send(new ListRootsCommand({})));
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect(error.$metadata?.httpStatusCode).toBe(400);
    sim.state.setFaults([{ kind: "throttle", service: "sts" }]);
    const sts = await captureError(() => new STSClient(clientConfig(sim)).send(new GetCallerIdentityCommand({})));
    expect(sts.name).toBe("Throttling");
  });

  it("lets the SDK retry through a fault limited to one occurrence", async () => {
    sim.state.addFault({ kind: "throttle", service: "organizations", times: 1 });
    const client = new OrganizationsClient({ ...clientConfig(sim, management), maxAttempts: 3 });
    const result = await client.send(new ListRootsCommand({}));
    expect(result.$metadata.attempts).toBe(2);
  });

  it("returns 500 and 503 server errors", async () => {
    sim.state.addFault({ kind: "server-error", service: "organizations", action: "ListRoots", times: 1 });
    const internal = await captureError(() => org().send(new ListRootsCommand({})));
    expect(internal.name).toBe("ServiceException");
    expect(internal.$metadata?.httpStatusCode).toBe(500);
    sim.state.addFault({ kind: "server-error", status: 503, service: "cloudtrail" });
    const trails = new CloudTrailClient(clientConfig(sim, management));
    const unavailable = await captureError(() => trails.send(new DescribeTrailsCommand({})));
    expect(unavailable.name).toBe("ServiceUnavailable");
    expect(unavailable.$metadata?.httpStatusCode).toBe(503);
  });

  it("denies chosen actions with an AWS-style message", async () => {
    sim.state.addFault({ kind: "access-denied", service: "organizations", action: "ListRoots" });
    const error = await captureError(() => org().send(new ListRootsCommand({})));
    expect(error).toBeInstanceOf(AccessDeniedException);
    expect(error.message).toContain("is not authorized to perform: organizations:ListRoots");
  });

  it("denies what a registered role's permissions leave out", async () => {
    const accountId = sim.state.managementAccountId;
    sim.state.registerRole({ accountId, roleName: "Narrow", externalId: "narrow-ext", permissions: ["organizations:ListRoots"] });
    const sts = new STSClient(clientConfig(sim));
    const { AssumeRoleCommand } = await import("@aws-sdk/client-sts");
    const assumed = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${accountId}:role/Narrow`,
        RoleSessionName: "narrow",
        ExternalId: "narrow-ext",
      }),
    );
    const c = assumed.Credentials;
    const client = new OrganizationsClient(
      clientConfig(sim, {
        accessKeyId: c?.AccessKeyId ?? "",
        secretAccessKey: c?.SecretAccessKey ?? "",
        sessionToken: c?.SessionToken,
      }),
    );
    const error = await captureError(() => client.send(new ListRootsCommand({})));
    expect(error.message).toBe(
      `User: arn:aws:sts::${accountId}:assumed-role/Narrow/narrow is not authorized to perform: organizations:ListRoots because no identity-based policy allows the organizations:ListRoots action`,
    );
  });

  it("adds latency", async () => {
    sim.state.addFault({ kind: "latency", service: "organizations", latencyMs: 150 });
    const started = Date.now();
    await org().send(new ListRootsCommand({}));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("applies a fault at a seeded rate, identically on every run", async () => {
    const outcomes = async (): Promise<string> => {
      const fresh = await startTestSimulator({ faults: [{ kind: "throttle", service: "organizations", rate: 0.5 }] });
      const creds = await assumeDemoRole(fresh, fresh.state.managementAccountId);
      const client = new OrganizationsClient(clientConfig(fresh, creds));
      let pattern = "";
      for (let i = 0; i < 20; i++)
        pattern += await client.send(new ListRootsCommand({})).then(
          () => ".",
          () => "T",
        );
      await fresh.close();
      return pattern;
    };
    const first = await outcomes();
    expect(first).toMatch(/T/);
    expect(first).toMatch(/\./);
    expect(await outcomes()).toBe(first);
  });

  it("rate-limits per account with a token bucket", async () => {
    sim.state.addFault({ kind: "rate-limit", service: "organizations", requestsPerSecond: 2, burst: 2 });
    const client = org();
    const results = await Promise.all(
      [1, 2, 3, 4].map(() =>
        client.send(new ListRootsCommand({})).then(
          () => "ok",
          (e: Error) => e.name,
        ),
      ),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(2);
    expect(results.filter((r) => r === "TooManyRequestsException")).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 550));
    await expect(client.send(new ListRootsCommand({}))).resolves.toBeDefined();
  });

  it("serves every service through AWS_ENDPOINT_URL", async () => {
    const previous = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = sim.url;
    try {
      const sts = new STSClient({ region: "us-east-1", credentials: clientConfig(sim).credentials });
      expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(sim.state.appPrincipal.arn);
    } finally {
      if (previous === undefined) delete process.env.AWS_ENDPOINT_URL;
      else process.env.AWS_ENDPOINT_URL = previous;
    }
  });
});
