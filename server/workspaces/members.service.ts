import type { Prisma } from "~/generated/prisma/client";
import type { Role } from "~/generated/prisma/enums";
import { recordAudit, type Actor } from "~/server/audit/audit.service";
import { hasRole } from "~/server/auth/roles";
import { db } from "~/server/db";
import { AppError, notFound } from "~/server/errors";

export async function listMembers(opts: { workspaceId: string }) {
  const [members, invitations] = await Promise.all([
    db.membership.findMany({
      where: { workspaceId: opts.workspaceId },
      orderBy: { createdAt: "asc" },
      select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
    }),
    db.invitation.findMany({
      where: { workspaceId: opts.workspaceId, acceptedAt: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
    }),
  ]);
  return {
    members: members.map((m) => ({ ...m.user, role: m.role, joinedAt: m.createdAt })),
    invitations,
  };
}

interface MemberChange {
  workspaceId: string;
  actor: Actor & { userId: string };
  userId: string;
}

type Tx = Prisma.TransactionClient;

// Only owners may make or unmake owners, and a workspace always keeps at least one owner.
// Changes to one workspace's members run one at a time: each locks the workspace row, then reads
// the roles it decides on (the actor's too, which may have changed since the request began).
// Without the lock, two owners demoting themselves together both counted two owners and the
// workspace was left with none. FOR NO KEY UPDATE does not wait for writers that merely reference
// the workspace (their foreign key checks take KEY SHARE), so uploads and syncs are not held up.
async function lockTarget(tx: Tx, opts: MemberChange, newRole: Role | null) {
  await tx.$queryRaw`SELECT 1 FROM "Workspace" WHERE id = ${opts.workspaceId} FOR NO KEY UPDATE`;
  const [target, actor] = await Promise.all([
    tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: opts.workspaceId, userId: opts.userId } },
      select: { id: true, role: true, user: { select: { email: true } } },
    }),
    tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: opts.workspaceId, userId: opts.actor.userId } },
      select: { role: true },
    }),
  ]);
  if (!actor) throw notFound("That workspace");
  if (!target) throw notFound("That member");
  const isSelf = opts.userId === opts.actor.userId;
  if (!isSelf && !hasRole(actor.role, "admin")) {
    throw new AppError("FORBIDDEN", "Only admins and owners can change other members.");
  }
  const touchesOwner = target.role === "owner" || newRole === "owner";
  if (touchesOwner && actor.role !== "owner") {
    throw new AppError("FORBIDDEN", "Only an owner can add or remove the owner role.");
  }
  if (target.role === "owner" && newRole !== "owner") {
    const owners = await tx.membership.count({ where: { workspaceId: opts.workspaceId, role: "owner" } });
    if (owners <= 1) {
      throw new AppError("CONFLICT", "A workspace needs at least one owner. Make someone else an owner first.");
    }
  }
  return target;
}

export async function changeMemberRole(opts: MemberChange & { role: Role }) {
  await db.$transaction(async (tx) => {
    const target = await lockTarget(tx, opts, opts.role);
    if (target.role === opts.role) return;
    await tx.membership.update({ where: { id: target.id }, data: { role: opts.role } });
    await recordAudit(tx, {
      workspaceId: opts.workspaceId,
      actor: opts.actor,
      action: "member.role_changed",
      targetType: "user",
      targetId: opts.userId,
      data: { email: target.user.email, from: target.role, to: opts.role },
    });
  });
  return { userId: opts.userId, role: opts.role };
}

export async function removeMember(opts: MemberChange) {
  await db.$transaction(async (tx) => {
    const target = await lockTarget(tx, opts, null);
    await tx.membership.delete({ where: { id: target.id } });
    await recordAudit(tx, {
      workspaceId: opts.workspaceId,
      actor: opts.actor,
      action: "member.removed",
      targetType: "user",
      targetId: opts.userId,
      data: { email: target.user.email, role: target.role },
    });
  });
  return { userId: opts.userId };
}
