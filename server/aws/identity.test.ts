import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { describe, expect, it } from "vitest";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { startSimulator } from "~/simulator";
import { createAwsClient } from "./clients";
import { forgetRoleCredentials, roleCredentials } from "./credentials";
import { verifyRole } from "./identity";

const sim = useAwsSimulator({ demoRoles: false });

function registerRole(externalId = "x".repeat(40)) {
  const accountId = sim.current.state.managementAccountId;
  sim.current.state.registerRole({ accountId, roleName: "LadderTestRole", externalId });
  return { roleArn: `arn:aws:iam::${accountId}:role/LadderTestRole`, accountId, externalId };
}

describe("verifyRole", () => {
  it("assumes the role with the External ID and confirms the account", async () => {
    const role = registerRole();
    const verified = await verifyRole({ roleArn: role.roleArn, externalId: role.externalId, sessionName: "ladder-verify-test" });
    expect(verified.accountId).toBe(role.accountId);
    expect(verified.assumedRoleArn).toBe(`arn:aws:sts::${role.accountId}:assumed-role/LadderTestRole/ladder-verify-test`);
  });

  it("explains a wrong External ID", async () => {
    const role = registerRole();
    await expect(verifyRole({ roleArn: role.roleArn, externalId: "y".repeat(40), sessionName: "t" + "x" })).rejects.toMatchObject(
      {
        code: "BAD_REQUEST",
        message: expect.stringContaining("trust policy does not accept"),
      },
    );
  });

  it("rejects a malformed ARN before calling AWS", async () => {
    const before = sim.current.state.callCount("sts", "AssumeRole");
    await expect(
      verifyRole({ roleArn: "arn:aws:iam::12345:role/x", externalId: "e".repeat(40), sessionName: "tt" }),
    ).rejects.toMatchObject({
      message: "“12345” is not an AWS account id: it must be exactly 12 digits.",
    });
    expect(sim.current.state.callCount("sts", "AssumeRole")).toBe(before);
  });
});

describe("roleCredentials", () => {
  it("assumes the role once and reuses the credentials until they near expiry", async () => {
    const role = registerRole("z".repeat(40));
    forgetRoleCredentials();
    const before = sim.current.state.callCount("sts", "AssumeRole");
    const credentials = roleCredentials({ roleArn: role.roleArn, externalId: role.externalId, sessionName: "ladder-sync-test" });
    for (let i = 0; i < 3; i++) {
      const client = createAwsClient("sts", { credentials });
      const identity = await client.send(new GetCallerIdentityCommand({}));
      expect(identity.Account).toBe(role.accountId);
      client.destroy();
    }
    expect(sim.current.state.callCount("sts", "AssumeRole") - before).toBe(1);
  });

  it("assumes roles at the new endpoint once the AWS configuration changes (a second simulator)", async () => {
    const role = registerRole("w".repeat(40));
    const session = { roleArn: role.roleArn, externalId: role.externalId, sessionName: "ladder-sync-test" };
    const identityWith = async (credentials: ReturnType<typeof roleCredentials>) => {
      const client = createAwsClient("sts", { credentials });
      try {
        return (await client.send(new GetCallerIdentityCommand({}))).Account;
      } finally {
        client.destroy();
      }
    };
    expect(await identityWith(roleCredentials(session))).toBe(role.accountId);

    const second = await startSimulator({ demoRoles: false });
    const first = process.env.AWS_ENDPOINT_URL;
    try {
      second.state.registerRole({ accountId: role.accountId, roleName: "LadderTestRole", externalId: role.externalId });
      process.env.AWS_ENDPOINT_URL = second.url;
      expect(await identityWith(roleCredentials(session))).toBe(role.accountId);
      expect(second.state.callCount("sts", "AssumeRole")).toBe(1);
    } finally {
      process.env.AWS_ENDPOINT_URL = first;
      await second.close();
    }
  });
});

describe("createAwsClient", () => {
  it("reports every HTTP attempt, retries included", async () => {
    const fault = sim.current.state.addFault({ kind: "throttle", service: "sts", action: "GetCallerIdentity", times: 2 });
    const calls: string[] = [];
    const client = createAwsClient("sts", { onRequest: (service, operation) => calls.push(`${service}:${operation}`) });
    try {
      await client.send(new GetCallerIdentityCommand({}));
    } finally {
      client.destroy();
      sim.current.state.faults.remove(fault);
    }
    expect(calls).toEqual(["sts:GetCallerIdentity", "sts:GetCallerIdentity", "sts:GetCallerIdentity"]);
  });
});
