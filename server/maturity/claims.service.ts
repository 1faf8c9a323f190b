import type { Prisma } from "~/generated/prisma/client";
import { auditAccount, recordAudit, type Actor } from "~/server/audit/audit.service";
import { db } from "~/server/db";
import { AppError, notFound } from "~/server/errors";
import { findCheck, type Check } from "./catalogue";
import type { EvidenceScope } from "./evidence";
import { evaluateAndStore } from "./evaluation.service";
import { fromEvidenceScope, toEvidenceScope } from "./store/claims";
import type { AttestationView, WaiverView } from "./views/types";

// People's part of the ladder: attestations for manual checks and waivers for any check. Every
// change is audited and re-evaluates the workspace, so the level a person sees next is current.

export interface ClaimActor extends Actor {
  userId: string;
  name: string;
  isAdmin: boolean;
}

const DAY_MS = 86_400_000;
const MAX_WAIVER_DAYS = 366;

function knownCheck(checkId: string): Check {
  const check = findCheck(checkId);
  if (!check) throw new AppError("BAD_REQUEST", `There is no check "${checkId}".`);
  return check;
}

async function assertScope(workspaceId: string, scope: EvidenceScope) {
  if (scope.kind !== "account") return;
  const account = await db.awsAccount.findFirst({ where: { workspaceId, accountId: scope.accountId }, select: { id: true } });
  if (!account) throw new AppError("BAD_REQUEST", `Account ${scope.accountId} is not connected to this workspace.`);
}

function assertExpiry(expiresAt: Date, now: Date, maxDays: number) {
  if (expiresAt <= now) throw new AppError("BAD_REQUEST", "The expiry must be in the future.");
  if (expiresAt.getTime() - now.getTime() > maxDays * DAY_MS) {
    throw new AppError("BAD_REQUEST", `The expiry can be at most ${maxDays} days away; renew it then.`);
  }
}

/** What the audit log says about a claim: the check by id and title, where, and which account. */
async function claimAuditData(workspaceId: string, checkId: string, scope: EvidenceScope): Promise<Prisma.InputJsonObject> {
  const data = { checkId, checkTitle: findCheck(checkId)?.title ?? checkId, scope };
  if (scope.kind !== "account") return data;
  const account = await db.awsAccount.findFirst({
    where: { workspaceId, accountId: scope.accountId },
    select: { accountId: true, name: true },
  });
  return { ...data, account: auditAccount(account ?? { accountId: scope.accountId, name: null }) };
}

export async function attest(input: {
  workspaceId: string;
  actor: ClaimActor;
  checkId: string;
  scope: EvidenceScope;
  evidenceUrl: string;
  note: string;
  expiresAt: Date;
}) {
  const check = knownCheck(input.checkId);
  if (check.mode !== "manual") {
    throw new AppError("BAD_REQUEST", `"${check.title}" is computed from AWS data; it cannot be attested. Waive it instead.`);
  }
  const now = new Date();
  assertExpiry(input.expiresAt, now, check.maxEvidenceAgeDays);
  await assertScope(input.workspaceId, input.scope);
  const claim = await claimAuditData(input.workspaceId, check.id, input.scope);
  const created = await db.$transaction(async (tx) => {
    const row = await tx.attestation.create({
      data: {
        workspaceId: input.workspaceId,
        checkId: check.id,
        ...fromEvidenceScope(input.scope),
        evidenceUrl: input.evidenceUrl,
        note: input.note,
        authorId: input.actor.userId,
        authorName: input.actor.name,
        expiresAt: input.expiresAt,
      },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      action: "maturity.attest",
      targetType: "attestation",
      targetId: row.id,
      data: { ...claim, expiresAt: input.expiresAt.toISOString() },
    });
    return row;
  });
  await evaluateAndStore(input.workspaceId, { trigger: "attestation" });
  return attestationView(created, now, input.actor.userId);
}

export async function revokeAttestation(input: { workspaceId: string; actor: ClaimActor; id: string }) {
  const row = await db.attestation.findFirst({ where: { id: input.id, workspaceId: input.workspaceId } });
  if (!row) throw notFound("The attestation");
  if (!input.actor.isAdmin && row.authorId !== input.actor.userId) {
    throw new AppError("FORBIDDEN", "Only its author or an admin can revoke an attestation.");
  }
  if (row.revokedAt) return attestationView(row, new Date(), input.actor.userId);
  const claim = await claimAuditData(input.workspaceId, row.checkId, toEvidenceScope(row));
  const updated = await db.$transaction(async (tx) => {
    const revoked = await tx.attestation.update({
      where: { id: row.id },
      data: { revokedAt: new Date(), revokedById: input.actor.userId },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      action: "maturity.attestation.revoke",
      targetType: "attestation",
      targetId: row.id,
      data: claim,
    });
    return revoked;
  });
  await evaluateAndStore(input.workspaceId, { trigger: "attestation" });
  return attestationView(updated, new Date(), input.actor.userId);
}

async function allowsSelfApproval(workspaceId: string): Promise<boolean> {
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { allowWaiverSelfApproval: true } });
  return workspace?.allowWaiverSelfApproval ?? false;
}

/**
 * How a waiver came to be approved, for the audit log: by an admin other than its requester, or
 * by the requester, which only a workspace that allows self-approval permits.
 */
export type WaiverApproval = "other_admin" | "self_under_setting";

/**
 * Every waiver starts pending: it needs an approver other than its requester. Where an owner has
 * allowed self-approval (a workspace with one admin), an admin's own request is approved at once,
 * and the audit log says it was self-approved.
 */
export async function requestWaiver(input: {
  workspaceId: string;
  actor: ClaimActor;
  checkId: string;
  scope: EvidenceScope;
  reason: string;
  expiresAt: Date;
}) {
  const check = knownCheck(input.checkId);
  const now = new Date();
  assertExpiry(input.expiresAt, now, MAX_WAIVER_DAYS);
  await assertScope(input.workspaceId, input.scope);
  const approved = input.actor.isAdmin && (await allowsSelfApproval(input.workspaceId));
  const claim = await claimAuditData(input.workspaceId, check.id, input.scope);
  const created = await db.$transaction(async (tx) => {
    const row = await tx.waiver.create({
      data: {
        workspaceId: input.workspaceId,
        checkId: check.id,
        ...fromEvidenceScope(input.scope),
        reason: input.reason,
        requestedById: input.actor.userId,
        requestedByName: input.actor.name,
        expiresAt: input.expiresAt,
        ...(approved ? { approvedById: input.actor.userId, approvedByName: input.actor.name, approvedAt: now } : {}),
      },
    });
    const target = { workspaceId: input.workspaceId, actor: input.actor, targetType: "waiver", targetId: row.id };
    await recordAudit(tx, {
      ...target,
      action: "maturity.waiver.request",
      data: { ...claim, reason: input.reason, expiresAt: input.expiresAt.toISOString() },
    });
    if (approved) {
      await recordAudit(tx, {
        ...target,
        action: "maturity.waiver.approve",
        data: { ...claim, requestedBy: input.actor.name, approval: "self_under_setting" satisfies WaiverApproval },
      });
    }
    return row;
  });
  if (approved) await evaluateAndStore(input.workspaceId, { trigger: "waiver" });
  return waiverView(created, now, input.actor.userId);
}

export async function approveWaiver(input: { workspaceId: string; actor: ClaimActor; id: string }) {
  const row = await db.waiver.findFirst({ where: { id: input.id, workspaceId: input.workspaceId } });
  if (!row) throw notFound("The waiver");
  if (row.revokedAt) throw new AppError("CONFLICT", "This waiver was revoked; request a new one.");
  if (row.approvedAt) return waiverView(row, new Date(), input.actor.userId);
  const now = new Date();
  if (row.expiresAt && row.expiresAt <= now) throw new AppError("CONFLICT", "This waiver has expired; request a new one.");
  const isOwnRequest = row.requestedById === input.actor.userId;
  if (isOwnRequest && !(await allowsSelfApproval(input.workspaceId))) {
    throw new AppError(
      "FORBIDDEN",
      "You requested this waiver, so another admin must approve it. An owner can allow self-approval in the workspace settings.",
    );
  }
  const approval: WaiverApproval = isOwnRequest ? "self_under_setting" : "other_admin";
  const claim = await claimAuditData(input.workspaceId, row.checkId, toEvidenceScope(row));
  const updated = await db.$transaction(async (tx) => {
    const approved = await tx.waiver.update({
      where: { id: row.id },
      data: { approvedById: input.actor.userId, approvedByName: input.actor.name, approvedAt: now },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      action: "maturity.waiver.approve",
      targetType: "waiver",
      targetId: row.id,
      data: { ...claim, requestedBy: row.requestedByName, approval },
    });
    return approved;
  });
  await evaluateAndStore(input.workspaceId, { trigger: "waiver" });
  return waiverView(updated, now, input.actor.userId);
}

export async function revokeWaiver(input: { workspaceId: string; actor: ClaimActor; id: string }) {
  const row = await db.waiver.findFirst({ where: { id: input.id, workspaceId: input.workspaceId } });
  if (!row) throw notFound("The waiver");
  if (row.revokedAt) return waiverView(row, new Date(), input.actor.userId);
  const claim = await claimAuditData(input.workspaceId, row.checkId, toEvidenceScope(row));
  const updated = await db.$transaction(async (tx) => {
    const revoked = await tx.waiver.update({
      where: { id: row.id },
      data: { revokedAt: new Date(), revokedById: input.actor.userId },
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      action: "maturity.waiver.revoke",
      targetType: "waiver",
      targetId: row.id,
      data: { ...claim, requestedBy: row.requestedByName, wasApproved: row.approvedAt !== null },
    });
    return revoked;
  });
  if (row.approvedAt) await evaluateAndStore(input.workspaceId, { trigger: "waiver" });
  return waiverView(updated, new Date(), input.actor.userId);
}

export async function listClaims(input: { workspaceId: string; checkId?: string; viewerId?: string }) {
  const where = { workspaceId: input.workspaceId, ...(input.checkId ? { checkId: input.checkId } : {}) };
  const [attestations, waivers] = await Promise.all([
    db.attestation.findMany({ where, orderBy: { createdAt: "desc" }, take: 500 }),
    db.waiver.findMany({ where, orderBy: { createdAt: "desc" }, take: 500 }),
  ]);
  // Names for the accounts claims are scoped to, so a list of claims reads without ids.
  const accountIds = [...attestations, ...waivers].flatMap((c) => (c.scopeKind === "account" ? [c.scopeValue] : []));
  const accounts = accountIds.length
    ? await db.awsAccount.findMany({
        where: { workspaceId: input.workspaceId, accountId: { in: [...new Set(accountIds)] } },
        select: { accountId: true, name: true },
      })
    : [];
  const now = new Date();
  return {
    attestations: attestations.map((a) => attestationView(a, now, input.viewerId)),
    waivers: waivers.map((w) => waiverView(w, now, input.viewerId)),
    accountNames: Object.fromEntries(accounts.flatMap((a) => (a.accountId && a.name ? [[a.accountId, a.name]] : []))),
  };
}

type AttestationRow = Awaited<ReturnType<typeof db.attestation.create>>;
type WaiverRow = Awaited<ReturnType<typeof db.waiver.create>>;

export function attestationView(a: AttestationRow, now: Date, viewerId?: string): AttestationView {
  return {
    id: a.id,
    checkId: a.checkId,
    scope: toEvidenceScope(a),
    evidenceUrl: a.evidenceUrl,
    note: a.note,
    author: a.authorName,
    createdAt: a.createdAt,
    expiresAt: a.expiresAt,
    revokedAt: a.revokedAt,
    state: a.revokedAt ? "revoked" : a.expiresAt <= now ? "expired" : "active",
    mine: viewerId !== undefined && a.authorId === viewerId,
  };
}

export function waiverView(w: WaiverRow, now: Date, viewerId?: string): WaiverView {
  return {
    id: w.id,
    checkId: w.checkId,
    scope: toEvidenceScope(w),
    reason: w.reason,
    requestedBy: w.requestedByName,
    approvedBy: w.approvedByName,
    approvedAt: w.approvedAt,
    createdAt: w.createdAt,
    expiresAt: w.expiresAt,
    revokedAt: w.revokedAt,
    state: w.revokedAt ? "revoked" : w.expiresAt && w.expiresAt <= now ? "expired" : w.approvedAt ? "active" : "pending",
    mine: viewerId !== undefined && w.requestedById === viewerId,
    selfApproved: w.approvedById !== null && w.approvedById === w.requestedById,
  };
}
