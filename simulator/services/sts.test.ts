import { AssumeRoleCommand, ExpiredTokenException, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EXTERNAL_ID } from "../constants";
import type { RunningSimulator } from "../index";
import { assumeDemoRole, captureError, clientConfig, startTestSimulator } from "../test-support";

describe("STS over awsQuery", () => {
  let sim: RunningSimulator;
  let managementId: string;

  beforeAll(async () => {
    sim = await startTestSimulator();
    managementId = sim.state.managementAccountId;
  });
  afterAll(() => sim.close());

  it("identifies the app principal", async () => {
    const sts = new STSClient(clientConfig(sim));
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(sim.state.appPrincipal.arn);
    expect(me.Account).toBe("111122223333");
    expect(me.$metadata.requestId).toBeTruthy();
  });

  it("assumes the demo role and reports the assumed-role ARN", async () => {
    const before = sim.state.callCount("sts", "AssumeRole");
    const credentials = await assumeDemoRole(sim, managementId);
    expect(credentials.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(sim.state.callCount("sts", "AssumeRole")).toBe(before + 1);
    const me = await new STSClient(clientConfig(sim, credentials)).send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(`arn:aws:sts::${managementId}:assumed-role/LadderReadOnly/ladder-test`);
    expect(me.Account).toBe(managementId);
  });

  it("returns an expiration derived from DurationSeconds", async () => {
    const sts = new STSClient(clientConfig(sim));
    const result = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${managementId}:role/LadderReadOnly`,
        RoleSessionName: "s1",
        ExternalId: DEMO_EXTERNAL_ID,
        DurationSeconds: 900,
      }),
    );
    const expiresIn = (result.Credentials?.Expiration?.getTime() ?? 0) - Date.now();
    expect(expiresIn).toBeGreaterThan(890_000);
    expect(expiresIn).toBeLessThanOrEqual(900_000);
  });

  it.each([
    ["a wrong External ID", "not-the-id"],
    ["a missing External ID", undefined],
  ])("refuses %s with AccessDenied", async (_label, externalId) => {
    const sts = new STSClient(clientConfig(sim));
    const roleArn = `arn:aws:iam::${managementId}:role/LadderReadOnly`;
    const error = await captureError(() =>
      sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "x1", ExternalId: externalId })),
    );
    expect(error.name).toBe("AccessDenied");
    expect(error.$metadata?.httpStatusCode).toBe(403);
    expect(error.message).toBe(
      `User: ${sim.state.appPrincipal.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    );
  });

  it("refuses an unknown role", async () => {
    const sts = new STSClient(clientConfig(sim));
    const error = await captureError(() =>
      sts.send(
        new AssumeRoleCommand({
          RoleArn: "arn:aws:iam::123456789012:role/Nope",
          RoleSessionName: "x1",
          ExternalId: DEMO_EXTERNAL_ID,
        }),
      ),
    );
    expect(error.name).toBe("AccessDenied");
  });

  it("rejects DurationSeconds outside 900..43200", async () => {
    const sts = new STSClient(clientConfig(sim));
    const error = await captureError(() =>
      sts.send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${managementId}:role/LadderReadOnly`,
          RoleSessionName: "x1",
          ExternalId: DEMO_EXTERNAL_ID,
          DurationSeconds: 60,
        }),
      ),
    );
    expect(error.name).toBe("ValidationError");
  });

  it("lets tests register the role onboarding asked for", async () => {
    const role = sim.state.registerRole({ accountId: "210987654321", roleName: "LadderOnboarding", externalId: "ext-123456" });
    const sts = new STSClient(clientConfig(sim));
    const ok = await sts.send(new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "verify", ExternalId: "ext-123456" }));
    expect(ok.AssumedRoleUser?.Arn).toBe("arn:aws:sts::210987654321:assumed-role/LadderOnboarding/verify");
    expect(sim.state.trustPolicy(role.arn)).toContain('"sts:ExternalId": "ext-123456"');
  });

  it("expires issued credentials after the configured lifetime", async () => {
    sim.state.setCredentialLifetime(1);
    try {
      const credentials = await assumeDemoRole(sim, managementId);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const error = await captureError(() =>
        new STSClient(clientConfig(sim, credentials)).send(new GetCallerIdentityCommand({})),
      );
      expect(error.name).toBe("ExpiredToken");
      expect(error.message).toBe("The security token included in the request is expired");
    } finally {
      sim.state.setCredentialLifetime(undefined);
    }
    expect(ExpiredTokenException).toBeDefined();
  });

  it("refuses unknown access keys and bad signatures", async () => {
    const unknown = await captureError(() =>
      new STSClient(clientConfig(sim, { accessKeyId: "AKIAUNKNOWNKEY000000", secretAccessKey: "x" })).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expect(unknown.name).toBe("InvalidClientTokenId");
    expect(unknown.$metadata?.httpStatusCode).toBe(403);
    const badSecret = await captureError(() =>
      new STSClient(clientConfig(sim, { accessKeyId: sim.state.appPrincipal.accessKeyId, secretAccessKey: "wrong" })).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expect(badSecret.name).toBe("SignatureDoesNotMatch");
  });

  it("refuses unsigned requests", async () => {
    const response = await fetch(sim.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "Action=GetCallerIdentity&Version=2011-06-15",
    });
    expect(response.status).toBe(403);
    const text = await response.text();
    expect(text).toContain("<Code>MissingAuthenticationToken</Code>");
    expect(text).toContain("<Type>Sender</Type>");
  });
});
