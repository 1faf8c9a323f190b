import { createHash, randomBytes } from "node:crypto";
import type { Role } from "~/generated/prisma/enums";
import { recordAudit, type Actor } from "~/server/audit/audit.service";
import { db } from "~/server/db";
import { AppError, notFound } from "~/server/errors";

const INVITATION_DAYS = 14;

export const hashInvitationToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function inviteMember(opts: { workspaceId: string; actor: Actor; actorRole: Role; email: string; role: Role }) {
  if (opts.role === "owner" && opts.actorRole !== "owner") {
    throw new AppError("FORBIDDEN", "Only an owner can invite another owner.", "role");
  }
  const existing = await db.membership.findFirst({
    where: { workspaceId: opts.workspaceId, user: { email: opts.email } },
    select: { id: true },
  });
  if (existing) throw new AppError("CONFLICT", `${opts.email} is already a member of this workspace.`, "email");

  // A second invitation to the same address replaces the first, with a new link.
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  const invitation = await db.$transaction(async (tx) => {
    const row = await tx.invitation.upsert({
      where: { workspaceId_email: { workspaceId: opts.workspaceId, email: opts.email } },
      create: {
        workspaceId: opts.workspaceId,
        email: opts.email,
        role: opts.role,
        tokenHash: hashInvitationToken(token),
        expiresAt,
        invitedById: opts.actor.userId ?? null,
      },
      update: {
        role: opts.role,
        tokenHash: hashInvitationToken(token),
        expiresAt,
        acceptedAt: null,
        invitedById: opts.actor.userId ?? null,
      },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await recordAudit(tx, {
      workspaceId: opts.workspaceId,
      actor: opts.actor,
      action: "member.invited",
      targetType: "invitation",
      targetId: row.id,
      data: { email: row.email, role: row.role },
    });
    return row;
  });
  return { ...invitation, token };
}

export async function revokeInvitation(opts: { workspaceId: string; actor: Actor; invitationId: string }) {
  const invitation = await db.invitation.findFirst({
    where: { id: opts.invitationId, workspaceId: opts.workspaceId, acceptedAt: null },
    select: { id: true, email: true, role: true },
  });
  if (!invitation) throw notFound("That invitation");
  await db.$transaction(async (tx) => {
    await tx.invitation.delete({ where: { id: invitation.id } });
    await recordAudit(tx, {
      workspaceId: opts.workspaceId,
      actor: opts.actor,
      action: "invitation.revoked",
      targetType: "invitation",
      targetId: invitation.id,
      data: { email: invitation.email, role: invitation.role },
    });
  });
  return { id: invitation.id };
}

export async function findInvitation(token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      workspace: { select: { name: true, slug: true } },
    },
  });
  if (!invitation || invitation.acceptedAt) return null;
  return { ...invitation, isExpired: invitation.expiresAt < new Date() };
}

export async function listInvitationsForEmail(email: string) {
  return db.invitation.findMany({
    where: { email: email.toLowerCase(), acceptedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, role: true, workspace: { select: { name: true, slug: true } } },
  });
}

// Either the link's token or, for a signed-in user whose address was invited, the id.
export async function acceptInvitation(opts: { userId: string; email: string } & ({ token: string } | { invitationId: string })) {
  const where = "token" in opts ? { tokenHash: hashInvitationToken(opts.token) } : { id: opts.invitationId };
  const invitation = await db.invitation.findUnique({
    where,
    select: {
      id: true,
      email: true,
      role: true,
      workspaceId: true,
      expiresAt: true,
      acceptedAt: true,
      workspace: { select: { slug: true } },
    },
  });
  if (!invitation || invitation.acceptedAt) throw notFound("That invitation");
  if (invitation.expiresAt < new Date()) {
    throw new AppError("BAD_REQUEST", "This invitation has expired. Ask an admin of the workspace for a new one.");
  }
  // The invited address is not told to whoever else holds the link (or guesses an id).
  if (invitation.email !== opts.email.toLowerCase()) {
    throw new AppError("FORBIDDEN", "This invitation is for another email address. Sign in with the address it was sent to.");
  }
  await db.$transaction(async (tx) => {
    await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: opts.userId } },
      create: { workspaceId: invitation.workspaceId, userId: opts.userId, role: invitation.role },
      update: {},
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
    await recordAudit(tx, {
      workspaceId: invitation.workspaceId,
      actor: { userId: opts.userId },
      action: "member.added",
      targetType: "user",
      targetId: opts.userId,
      data: { email: invitation.email, role: invitation.role, via: "invitation" },
    });
  });
  return { workspace: invitation.workspace.slug, role: invitation.role };
}
