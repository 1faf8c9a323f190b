import type { Environment } from "~/generated/prisma/enums";
import type { Prisma } from "~/generated/prisma/client";
import { auditAccount, recordAudit, type Actor } from "~/server/audit/audit.service";
import { forgetRoleCredentials, sessionNameFor } from "~/server/aws/credentials";
import { verifyRole } from "~/server/aws/identity";
import { probeCapabilities, type ProbeResult } from "~/server/aws/probes";
import { db } from "~/server/db";
import { AppError, notFound } from "~/server/errors";
import { findAccount } from "./onboarding.service";

const accountSelect = {
  id: true,
  kind: true,
  accountId: true,
  name: true,
  roleArn: true,
  status: true,
  environment: true,
  environmentSource: true,
  ouPath: true,
  isDemo: true,
  capabilities: true,
  lastVerifiedAt: true,
  lastError: true,
  createdAt: true,
  organization: { select: { id: true, organizationId: true, managementAccountId: true, memberRoleName: true } },
} satisfies Prisma.AwsAccountSelect;

export async function listAccounts(opts: { workspaceId: string }) {
  const accounts = await db.awsAccount.findMany({
    where: { workspaceId: opts.workspaceId },
    orderBy: [{ status: "asc" }, { ouPath: "asc" }, { accountId: "asc" }],
    select: accountSelect,
  });
  return accounts.map((a) => ({ ...a, capabilities: a.capabilities as unknown as ProbeResult[] }));
}

// The External ID and set-up details of one account; External IDs are shown only here, to
// members of the workspace that issued them.
export async function getOnboarding(opts: { workspaceId: string; accountRef: string }) {
  const account = await db.awsAccount.findFirst({
    where: { id: opts.accountRef, workspaceId: opts.workspaceId },
    select: { ...accountSelect, externalId: true },
  });
  if (!account) throw notFound("That AWS account");
  return { ...account, capabilities: account.capabilities as unknown as ProbeResult[] };
}

export async function reverifyAccount(opts: { workspaceId: string; workspaceSlug: string; actor: Actor; accountRef: string }) {
  const account = await findAccount(opts);
  if (!account.roleArn) throw new AppError("BAD_REQUEST", "This account has no role yet; finish its set-up first.");
  forgetRoleCredentials(account.roleArn);
  let data: Prisma.AwsAccountUpdateInput;
  try {
    const verified = await verifyRole({
      roleArn: account.roleArn,
      externalId: account.externalId,
      sessionName: sessionNameFor("verify", opts.workspaceSlug),
    });
    const results = await probeCapabilities({
      credentials: verified.credentials,
      isManagementAccount: account.kind === "organization",
    });
    data = {
      status: "connected",
      capabilities: results as unknown as Prisma.InputJsonArray,
      lastVerifiedAt: new Date(),
      lastError: null,
    };
  } catch (error) {
    data = { status: "failed", lastVerifiedAt: new Date(), lastError: (error as Error).message };
  }
  await db.$transaction(async (tx) => {
    await tx.awsAccount.update({ where: { id: account.id }, data });
    await recordAudit(tx, {
      workspaceId: opts.workspaceId,
      actor: opts.actor,
      action: "account.verified",
      targetType: "aws_account",
      targetId: account.id,
      data: { account: auditAccount(account), status: String(data.status) },
    });
  });
  return getOnboarding(opts);
}

export async function setAccountEnvironment(opts: {
  workspaceId: string;
  actor: Actor;
  accountRef: string;
  environment: Environment | null;
}) {
  const account = await findAccount(opts);
  await db.$transaction(async (tx) => {
    await tx.awsAccount.update({ where: { id: account.id }, data: { environment: opts.environment, environmentSource: "user" } });
    await recordAudit(tx, {
      workspaceId: opts.workspaceId,
      actor: opts.actor,
      action: "account.environment_changed",
      targetType: "aws_account",
      targetId: account.id,
      data: { account: auditAccount(account), from: account.environment, to: opts.environment },
    });
  });
  return { id: account.id, environment: opts.environment };
}

// Removing an account deletes everything Ladder stored for it (its rows cascade). The person
// must type the account id, so a click cannot do it.
export async function removeAccount(opts: { workspaceId: string; actor: Actor; accountRef: string; confirmAccountId: string }) {
  const account = await findAccount(opts);
  const expected = account.accountId ?? "pending";
  if (opts.confirmAccountId !== expected) {
    throw new AppError("BAD_REQUEST", `Type ${expected} to confirm the removal.`, "confirmAccountId");
  }
  await db.$transaction(async (tx) => {
    await tx.awsAccount.delete({ where: { id: account.id } });
    if (account.kind === "organization" && account.organizationRefId) {
      // The organisation's members were reachable only through its management account's External ID.
      await tx.awsAccount.updateMany({
        where: { workspaceId: opts.workspaceId, organizationRefId: account.organizationRefId },
        data: { organizationRefId: null },
      });
      await tx.awsOrganization.deleteMany({ where: { id: account.organizationRefId, workspaceId: opts.workspaceId } });
    }
    await recordAudit(tx, {
      workspaceId: opts.workspaceId,
      actor: opts.actor,
      action: "account.removed",
      targetType: "aws_account",
      targetId: account.id,
      data: { account: auditAccount(account), roleArn: account.roleArn },
    });
  });
  if (account.roleArn) forgetRoleCredentials(account.roleArn);
  return { id: account.id };
}
