import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { describeDetails, describeTarget } from "~/components/settings/audit-wording";
import { addMember, workspaceWithOwner } from "~/server/test/fixtures";

const sim = useAwsSimulator({ demoRoles: false });

// What the customer does in their AWS console: create the stack with Ladder's External ID.
function deployRole(accountId: string, externalId: string, deniedActions: string[] = []) {
  sim.current.state.registerRole({ accountId, roleName: "LadderReadOnly", externalId, permissions: deniedActions });
  return `arn:aws:iam::${accountId}:role/LadderReadOnly`;
}

const memberAccounts = () =>
  sim.current.state.organization.accounts.filter((a) => a.id !== sim.current.state.managementAccountId);

describe("onboarding a single account", () => {
  it("issues an External ID, verifies the role and records what each permission unlocks", async () => {
    const { caller, slug } = await workspaceWithOwner("Single");
    const pending = await caller.accounts.start({ workspace: slug, kind: "account" });
    expect(pending.externalId).toMatch(/^[\w-]{40}$/);
    const account = memberAccounts()[0]!;
    const roleArn = deployRole(account.id, pending.externalId, ["ce:GetCostAndUsage", "xray:GetSamplingRules"]);

    const connected = await caller.accounts.connect({ workspace: slug, accountRef: pending.id, roleArn });
    expect(connected.status).toBe("connected");
    const byCapability = Object.fromEntries(connected.capabilities.map((c) => [c.capability, c]));
    expect(byCapability.tracing).toMatchObject({ status: "denied", action: "xray:GetSamplingRules" });
    expect(byCapability.scans?.status).toBe("ok");
    expect(byCapability.cost?.status).toBe("skipped");
    expect(byCapability.prices?.status).toBe("skipped");

    const [listed] = await caller.accounts.list({ workspace: slug });
    expect(listed).toMatchObject({ accountId: account.id, status: "connected", roleArn });
    const audit = (await caller.audit.list({ workspace: slug })).entries.map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(["account.onboarding_started", "account.connected"]));
  });

  it("explains a wrong External ID and keeps the account pending", async () => {
    const { caller, slug } = await workspaceWithOwner("WrongId");
    const pending = await caller.accounts.start({ workspace: slug, kind: "account" });
    const roleArn = deployRole(memberAccounts()[1]!.id, "someone-else-s-external-id-0123456789abcdef");
    await expect(caller.accounts.connect({ workspace: slug, accountRef: pending.id, roleArn })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("does not accept Ladder's principal with this External ID"),
    });
    const [row] = await caller.accounts.list({ workspace: slug });
    expect(row).toMatchObject({ status: "pending", accountId: null, lastError: expect.stringContaining("External ID") });
  });

  it("refuses a malformed ARN, a missing role and a second copy of the same account", async () => {
    const { caller, slug } = await workspaceWithOwner("Arns");
    const pending = await caller.accounts.start({ workspace: slug, kind: "account" });
    await expect(
      caller.accounts.connect({ workspace: slug, accountRef: pending.id, roleArn: "arn:aws:iam::12:role/x" }),
    ).rejects.toMatchObject({
      message: "“12” is not an AWS account id: it must be exactly 12 digits.",
    });
    await expect(
      caller.accounts.connect({ workspace: slug, accountRef: pending.id, roleArn: "arn:aws:iam::999999999999:role/Nope" }),
    ).rejects.toMatchObject({ message: expect.stringContaining("Either the role does not exist") });

    const account = memberAccounts()[2]!;
    await caller.accounts.connect({
      workspace: slug,
      accountRef: pending.id,
      roleArn: deployRole(account.id, pending.externalId),
    });
    const again = await caller.accounts.start({ workspace: slug, kind: "account" });
    await expect(
      caller.accounts.connect({ workspace: slug, accountRef: again.id, roleArn: deployRole(account.id, again.externalId) }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("retries through STS throttling", async () => {
    const { caller, slug } = await workspaceWithOwner("Throttle");
    const pending = await caller.accounts.start({ workspace: slug, kind: "account" });
    const roleArn = deployRole(memberAccounts()[3]!.id, pending.externalId);
    const fault = sim.current.state.addFault({ kind: "throttle", service: "sts", action: "AssumeRole", times: 2 });
    try {
      await expect(caller.accounts.connect({ workspace: slug, accountRef: pending.id, roleArn })).resolves.toMatchObject({
        status: "connected",
      });
    } finally {
      sim.current.state.faults.remove(fault);
    }
  });

  it("says when AWS cannot be reached", async () => {
    const { caller, slug } = await workspaceWithOwner("Offline");
    const pending = await caller.accounts.start({ workspace: slug, kind: "account" });
    const endpoint = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = "http://127.0.0.1:9";
    try {
      await expect(
        caller.accounts.connect({
          workspace: slug,
          accountRef: pending.id,
          roleArn: "arn:aws:iam::123456789012:role/LadderReadOnly",
        }),
      ).rejects.toMatchObject({ message: expect.stringContaining("cannot reach AWS STS") });
    } finally {
      process.env.AWS_ENDPOINT_URL = endpoint;
    }
  });
});

describe("onboarding an organisation", () => {
  it("connects the management account, lists members with OU paths and connects them in bulk", async () => {
    const { caller, slug } = await workspaceWithOwner("Org");
    const pending = await caller.accounts.start({ workspace: slug, kind: "organization" });
    const management = sim.current.state.managementAccountId;
    const connected = await caller.accounts.connect({
      workspace: slug,
      accountRef: pending.id,
      roleArn: deployRole(management, pending.externalId),
    });
    expect(connected.capabilities.every((c) => c.status === "ok")).toBe(true);
    expect(connected.capabilities.find((c) => c.capability === "prices")).toMatchObject({ action: "pricing:GetProducts" });
    const organizationRef = connected.organizationRefId!;

    const discovered = await caller.accounts.discoverMembers({ workspace: slug, organizationRef });
    expect(discovered.accounts).toHaveLength(sim.current.state.organization.accounts.length);
    const prod = discovered.accounts.find((a) => a.ouPath.endsWith("/Prod"));
    expect(prod?.environment).toBe("prod");
    expect(discovered.accounts.some((a) => a.ouPath === "/")).toBe(true);

    const members = memberAccounts();
    for (const m of members.slice(0, -1)) deployRole(m.id, pending.externalId);
    const results = await caller.accounts.connectMembers({
      workspace: slug,
      organizationRef,
      accountIds: members.map((m) => m.id),
      roleName: "LadderReadOnly",
    });
    expect(results.filter((r) => r.status === "connected")).toHaveLength(members.length - 1);
    expect(results.find((r) => r.accountId === members.at(-1)!.id)).toMatchObject({ status: "failed" });

    const list = await caller.accounts.list({ workspace: slug });
    expect(list).toHaveLength(members.length + 1);
    expect(list.find((a) => a.accountId === prod?.accountId)?.environment).toBe("prod");

    // The audit log names the accounts by number and name.
    const entries = (await caller.audit.list({ workspace: slug })).entries;
    const managementName = discovered.accounts.find((a) => a.accountId === management)!.name;
    const connectedEntry = entries.find((e) => e.action === "account.connected")!;
    expect(describeTarget(connectedEntry)).toBe(`${managementName} (${management})`);
    const bulk = entries.find((e) => e.action === "account.members_connected")!;
    expect(describeTarget(bulk)).toBe(`organisation ${discovered.organizationId}`);
    const failed = members.at(-1)!;
    expect(describeDetails(bulk)).toContain(`failed ${failed.name} (${failed.id})`);
    expect(bulk.data).toMatchObject({
      connected: expect.arrayContaining([{ accountId: members[0]!.id, name: members[0]!.name }]),
    });
  });
});

describe("who may onboard and see accounts", () => {
  it("lets viewers list but not onboard, and hides one workspace's accounts and External IDs from another", async () => {
    const a = await workspaceWithOwner("Owner A");
    const pending = await a.caller.accounts.start({ workspace: a.slug, kind: "account" });
    const viewer = await addMember(a.caller, a.slug, "viewer");
    await expect(viewer.caller.accounts.start({ workspace: a.slug, kind: "account" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(viewer.caller.accounts.onboarding({ workspace: a.slug, accountRef: pending.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(viewer.caller.accounts.list({ workspace: a.slug })).resolves.toHaveLength(1);

    const b = await workspaceWithOwner("Owner B");
    await expect(b.caller.accounts.list({ workspace: a.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.caller.accounts.onboarding({ workspace: b.slug, accountRef: pending.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      b.caller.accounts.connect({ workspace: b.slug, accountRef: pending.id, roleArn: "arn:aws:iam::123456789012:role/x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      b.caller.accounts.remove({ workspace: b.slug, accountRef: pending.id, confirmAccountId: "pending" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.awsAccount.count({ where: { id: pending.id } })).toBe(1);
  });

  it("removes an account only with its id typed, audits it and deletes it", async () => {
    const { caller, slug } = await workspaceWithOwner("Remover");
    const pending = await caller.accounts.start({ workspace: slug, kind: "account" });
    const account = memberAccounts()[4]!;
    await caller.accounts.connect({
      workspace: slug,
      accountRef: pending.id,
      roleArn: deployRole(account.id, pending.externalId),
    });
    await expect(
      caller.accounts.remove({ workspace: slug, accountRef: pending.id, confirmAccountId: "nope" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await caller.accounts.list({ workspace: slug })).toHaveLength(1);
    await caller.accounts.remove({ workspace: slug, accountRef: pending.id, confirmAccountId: account.id });
    expect(await caller.accounts.list({ workspace: slug })).toHaveLength(0);
    const audit = (await caller.audit.list({ workspace: slug })).entries.map((e) => e.action);
    expect(audit).toContain("account.removed");
  });
});
