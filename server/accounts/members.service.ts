import { auditAccount, recordAudit, type Actor } from "~/server/audit/audit.service";
import { roleCredentials, sessionNameFor } from "~/server/aws/credentials";
import { verifyRole } from "~/server/aws/identity";
import { readOrganizationTree } from "~/server/aws/organization";
import { probeCapabilities } from "~/server/aws/probes";
import { db } from "~/server/db";
import { AppError, notFound } from "~/server/errors";
import { inferEnvironment } from "./environment";
import type { Prisma } from "~/generated/prisma/client";

async function managementOf(workspaceId: string, organizationRef: string) {
  const organization = await db.awsOrganization.findFirst({
    where: { id: organizationRef, workspaceId },
    select: {
      id: true,
      organizationId: true,
      managementAccountId: true,
      memberRoleName: true,
      isDemo: true,
      accounts: { where: { kind: "organization" }, select: { roleArn: true, externalId: true }, take: 1 },
    },
  });
  const management = organization?.accounts[0];
  if (!organization || !management?.roleArn) throw notFound("That organisation");
  return { organization, management: { roleArn: management.roleArn, externalId: management.externalId } };
}

// The organisation's accounts with OU paths, read live through the management account's role.
export async function discoverMembers(opts: { workspaceId: string; organizationRef: string; workspaceSlug: string }) {
  const { organization, management } = await managementOf(opts.workspaceId, opts.organizationRef);
  const credentials = roleCredentials({ ...management, sessionName: sessionNameFor("discover", opts.workspaceSlug) });
  const tree = await readOrganizationTree(credentials);
  const connected = await db.awsAccount.findMany({
    where: { workspaceId: opts.workspaceId, accountId: { in: tree.accounts.map((a) => a.accountId) } },
    select: { accountId: true, status: true },
  });
  const statusOf = new Map(connected.map((c) => [c.accountId, c.status]));
  return {
    organizationId: organization.organizationId,
    memberRoleName: organization.memberRoleName,
    accounts: tree.accounts.map((a) => ({
      ...a,
      isManagement: a.accountId === tree.managementAccountId,
      environment: inferEnvironment(a.ouPath),
      connection: statusOf.get(a.accountId) ?? null,
    })),
  };
}

const CONCURRENCY = 8;

// Connects member accounts through the role a StackSet created in each; every account is
// verified on its own, and one failure does not stop the others.
export async function connectMembers(opts: {
  workspaceId: string;
  workspaceSlug: string;
  actor: Actor;
  organizationRef: string;
  accountIds: string[];
  roleName: string;
}) {
  const { organization, management } = await managementOf(opts.workspaceId, opts.organizationRef);
  const tree = await readOrganizationTree(
    roleCredentials({ ...management, sessionName: sessionNameFor("discover", opts.workspaceSlug) }),
  );
  const byId = new Map(tree.accounts.map((a) => [a.accountId, a]));
  const unknown = opts.accountIds.filter((id) => !byId.has(id));
  if (unknown.length) throw new AppError("BAD_REQUEST", `Not in this organisation: ${unknown.join(", ")}.`, "accountIds");

  const queue = [...new Set(opts.accountIds)].filter((id) => id !== organization.managementAccountId);
  const results: { accountId: string; status: "connected" | "failed"; error?: string }[] = [];
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift())
      results.push(await connectMember({ ...opts, organization, management, member: byId.get(id)! }));
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const named = (accountId: string) => auditAccount({ accountId, name: byId.get(accountId)?.name ?? null });
  await db.awsOrganization.update({ where: { id: organization.id }, data: { memberRoleName: opts.roleName } });
  await recordAudit(db, {
    workspaceId: opts.workspaceId,
    actor: opts.actor,
    action: "account.members_connected",
    targetType: "aws_organization",
    targetId: organization.id,
    data: {
      organizationId: organization.organizationId,
      roleName: opts.roleName,
      connected: results.filter((r) => r.status === "connected").map((r) => named(r.accountId)),
      failed: results.filter((r) => r.status === "failed").map((r) => named(r.accountId)),
    },
  });
  return results.sort((a, b) => a.accountId.localeCompare(b.accountId));
}

async function connectMember(opts: {
  workspaceId: string;
  workspaceSlug: string;
  actor: Actor;
  roleName: string;
  organization: { id: string; isDemo: boolean };
  management: { externalId: string };
  member: { accountId: string; name: string; ouPath: string };
}) {
  const roleArn = `arn:aws:iam::${opts.member.accountId}:role/${opts.roleName}`;
  const base = {
    kind: "account" as const,
    roleArn,
    externalId: opts.management.externalId,
    name: opts.member.name,
    ouPath: opts.member.ouPath,
    organizationRefId: opts.organization.id,
    isDemo: opts.organization.isDemo,
  };
  const existing = await db.awsAccount.findFirst({
    where: { workspaceId: opts.workspaceId, accountId: opts.member.accountId },
    select: { id: true, environmentSource: true },
  });
  const environment =
    existing?.environmentSource === "user" ? {} : { environment: inferEnvironment(opts.member.ouPath), environmentSource: "ou" };
  try {
    const verified = await verifyRole({
      roleArn,
      externalId: base.externalId,
      sessionName: sessionNameFor("verify", opts.workspaceSlug),
    });
    const capabilities = (await probeCapabilities({
      credentials: verified.credentials,
      isManagementAccount: false,
    })) as unknown as Prisma.InputJsonArray;
    const data = {
      ...base,
      ...environment,
      status: "connected" as const,
      capabilities,
      lastVerifiedAt: new Date(),
      lastError: null,
    };
    await saveMember(opts, existing?.id, data);
    return { accountId: opts.member.accountId, status: "connected" as const };
  } catch (error) {
    const message = (error as Error).message;
    await saveMember(opts, existing?.id, {
      ...base,
      ...environment,
      status: "failed",
      lastError: message,
      lastVerifiedAt: new Date(),
    });
    return { accountId: opts.member.accountId, status: "failed" as const, error: message };
  }
}

async function saveMember(
  opts: { workspaceId: string; actor: Actor; member: { accountId: string } },
  existingId: string | undefined,
  data: Omit<Prisma.AwsAccountUncheckedCreateInput, "workspaceId">,
) {
  if (existingId) await db.awsAccount.update({ where: { id: existingId }, data });
  else
    await db.awsAccount.create({
      data: { ...data, workspaceId: opts.workspaceId, accountId: opts.member.accountId, addedById: opts.actor.userId ?? null },
    });
}
