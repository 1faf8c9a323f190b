import { randomBytes } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { auditAccount, recordAudit, type Actor } from "~/server/audit/audit.service";
import { sessionNameFor } from "~/server/aws/credentials";
import { verifyRole } from "~/server/aws/identity";
import { readOrganizationTree } from "~/server/aws/organization";
import { probeCapabilities, type ProbeResult } from "~/server/aws/probes";
import { parseRoleArn } from "~/server/aws/role-arn";
import { db } from "~/server/db";
import { AppError, notFound } from "~/server/errors";
import { inferEnvironment } from "./environment";

// 30 random bytes: 40 URL-safe characters, inside the pattern STS allows for External IDs.
export const newExternalId = () => randomBytes(30).toString("base64url");

export async function startOnboarding(opts: {
  workspaceId: string;
  actor: Actor;
  kind: "account" | "organization";
  isDemo?: boolean;
}) {
  return db.$transaction(async (tx) => {
    const account = await tx.awsAccount.create({
      data: {
        workspaceId: opts.workspaceId,
        kind: opts.kind,
        externalId: newExternalId(),
        isDemo: opts.isDemo ?? false,
        addedById: opts.actor.userId ?? null,
      },
      select: { id: true, kind: true, externalId: true },
    });
    await recordAudit(tx, {
      workspaceId: opts.workspaceId,
      actor: opts.actor,
      action: "account.onboarding_started",
      targetType: "aws_account",
      targetId: account.id,
      data: { account: auditAccount({ accountId: null, name: null }), kind: opts.kind },
    });
    return account;
  });
}

export async function findAccount(opts: { workspaceId: string; accountRef: string }) {
  const account = await db.awsAccount.findFirst({
    where: { id: opts.accountRef, workspaceId: opts.workspaceId },
    select: {
      id: true,
      kind: true,
      externalId: true,
      status: true,
      accountId: true,
      name: true,
      environment: true,
      roleArn: true,
      isDemo: true,
      organizationRefId: true,
    },
  });
  if (!account) throw notFound("That AWS account");
  return account;
}

const capabilityJson = (results: ProbeResult[]) => results as unknown as Prisma.InputJsonArray;

// Verifies the pasted role and records what it can read. A failed check changes nothing but
// the error shown next to the pending account, so the user can fix the stack and retry.
export async function connectAccount(opts: {
  workspaceId: string;
  actor: Actor;
  accountRef: string;
  roleArn: string;
  workspaceSlug: string;
}) {
  const pending = await findAccount(opts);
  const role = parseRoleArn(opts.roleArn);
  const duplicate = await db.awsAccount.findFirst({
    where: { workspaceId: opts.workspaceId, accountId: role.accountId, NOT: { id: pending.id } },
    select: { id: true },
  });
  if (duplicate) throw new AppError("CONFLICT", `Account ${role.accountId} is already connected to this workspace.`, "roleArn");

  let verified;
  try {
    verified = await verifyRole({
      roleArn: role.arn,
      externalId: pending.externalId,
      sessionName: sessionNameFor("verify", opts.workspaceSlug),
    });
  } catch (error) {
    await db.awsAccount.update({ where: { id: pending.id }, data: { lastError: (error as Error).message } });
    throw error;
  }
  const isManagement = pending.kind === "organization";
  const results = await probeCapabilities({ credentials: verified.credentials, isManagementAccount: isManagement });
  let organization: { id: string; ouPath: string | null; name: string | null } | undefined;
  if (isManagement)
    organization = await registerOrganization({
      ...opts,
      pendingId: pending.id,
      isDemo: pending.isDemo,
      credentials: verified.credentials,
      results,
    });

  return db.$transaction(async (tx) => {
    const account = await tx.awsAccount.update({
      where: { id: pending.id },
      data: {
        accountId: role.accountId,
        roleArn: role.arn,
        status: "connected",
        capabilities: capabilityJson(results),
        lastVerifiedAt: new Date(),
        lastError: null,
        organizationRefId: organization?.id ?? null,
        ouPath: organization?.ouPath ?? null,
        name: organization?.name ?? null,
        environment: inferEnvironment(organization?.ouPath),
        environmentSource: organization?.ouPath ? "ou" : null,
      },
      select: { id: true, accountId: true, status: true, capabilities: true, organizationRefId: true },
    });
    await recordAudit(tx, {
      workspaceId: opts.workspaceId,
      actor: opts.actor,
      action: "account.connected",
      targetType: "aws_account",
      targetId: account.id,
      data: {
        account: auditAccount({ accountId: role.accountId, name: organization?.name ?? null }),
        roleArn: role.arn,
        kind: pending.kind,
      },
    });
    return { ...account, capabilities: results };
  });
}

async function registerOrganization(opts: {
  workspaceId: string;
  pendingId: string;
  isDemo: boolean;
  credentials: Parameters<typeof readOrganizationTree>[0];
  results: ProbeResult[];
}) {
  const organizationProbe = opts.results.find((r) => r.capability === "organization");
  if (organizationProbe?.status !== "ok") {
    throw new AppError(
      "BAD_REQUEST",
      organizationProbe?.message?.includes("not part of")
        ? "This account is not part of an AWS Organization; connect it as a single account instead."
        : `The role cannot read the organisation (${organizationProbe?.action}); it must be in the management account with the organisation permissions.`,
    );
  }
  const tree = await readOrganizationTree(opts.credentials);
  const self = tree.accounts.find((a) => a.accountId === tree.managementAccountId);
  const organization = await db.awsOrganization.upsert({
    where: { workspaceId_organizationId: { workspaceId: opts.workspaceId, organizationId: tree.organizationId } },
    create: {
      workspaceId: opts.workspaceId,
      organizationId: tree.organizationId,
      managementAccountId: tree.managementAccountId,
      memberRoleName: "LadderReadOnly",
      isDemo: opts.isDemo,
    },
    update: { managementAccountId: tree.managementAccountId },
    select: { id: true },
  });
  return { id: organization.id, ouPath: self?.ouPath ?? "/", name: self?.name ?? null };
}
