import type { Prisma } from "~/generated/prisma/client";
import type { Role } from "~/generated/prisma/enums";
import { recordAudit, type Actor } from "~/server/audit/audit.service";
import { hasRole } from "~/server/auth/roles";
import { forgetRoleCredentials } from "~/server/aws/credentials";
import { db } from "~/server/db";
import { AppError, notFound } from "~/server/errors";
import { isUniqueViolation } from "~/server/db/errors";

export async function createWorkspace(opts: { userId: string; name: string; slug: string; actor?: Actor }) {
  try {
    return await db.$transaction(async (tx) => {
      const workspace = await tx.workspace.create({
        data: { name: opts.name, slug: opts.slug, memberships: { create: { userId: opts.userId, role: "owner" } } },
        select: { id: true, name: true, slug: true },
      });
      await recordAudit(tx, {
        workspaceId: workspace.id,
        actor: opts.actor ?? { userId: opts.userId },
        action: "workspace.created",
        targetType: "workspace",
        targetId: workspace.id,
        data: { name: workspace.name, slug: workspace.slug },
      });
      await recordAudit(tx, {
        workspaceId: workspace.id,
        actor: opts.actor ?? { userId: opts.userId },
        action: "member.added",
        targetType: "user",
        targetId: opts.userId,
        data: { role: "owner" },
      });
      return workspace;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `The address “${opts.slug}” is already taken; choose another.`, "slug");
    }
    throw error;
  }
}

export async function listWorkspacesForUser(opts: { userId: string }) {
  const memberships = await db.membership.findMany({
    where: { userId: opts.userId },
    orderBy: { workspace: { name: "asc" } },
    select: { role: true, workspace: { select: { id: true, name: true, slug: true } } },
  });
  return memberships.map((m) => ({ ...m.workspace, role: m.role }));
}

export interface WorkspaceMembership {
  workspace: { id: string; name: string; slug: string; allowWaiverSelfApproval: boolean };
  role: Role;
}

// A workspace the user does not belong to does not exist, as far as they can tell.
export async function findMembership(opts: { userId: string; slug: string }): Promise<WorkspaceMembership | null> {
  const membership = await db.membership.findFirst({
    where: { userId: opts.userId, workspace: { slug: opts.slug } },
    select: { role: true, workspace: { select: { id: true, name: true, slug: true, allowWaiverSelfApproval: true } } },
  });
  return membership;
}

export async function findWorkspaceBySlug(slug: string) {
  return db.workspace.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
}

type Tx = Prisma.TransactionClient;
type WorkspaceChange = { workspaceId: string; actor: Actor & { userId: string } };

// Settings changes lock the workspace row and read the actor's role inside the lock, as member
// changes do (members.service.ts): a role taken away mid-request no longer counts.
async function lockForChange(tx: Tx, opts: WorkspaceChange, minimum: Role) {
  const [workspace] = await tx.$queryRaw<{ id: string; name: string; slug: string; allowWaiverSelfApproval: boolean }[]>`
    SELECT id, name, slug, "allowWaiverSelfApproval" FROM "Workspace" WHERE id = ${opts.workspaceId} FOR NO KEY UPDATE`;
  const membership = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: opts.workspaceId, userId: opts.actor.userId } },
    select: { role: true },
  });
  if (!workspace || !membership) throw notFound("That workspace");
  if (!hasRole(membership.role, minimum)) {
    throw new AppError(
      "FORBIDDEN",
      minimum === "owner" ? "Only an owner can do this." : `This needs the ${minimum} role or higher.`,
    );
  }
  return workspace;
}

/** Admins rename a workspace (a setting); its address, which links and CI use, stays. */
export async function renameWorkspace(opts: WorkspaceChange & { name: string }) {
  return db.$transaction(async (tx) => {
    const workspace = await lockForChange(tx, opts, "admin");
    if (workspace.name === opts.name) return { id: workspace.id, name: workspace.name, slug: workspace.slug };
    await tx.workspace.update({ where: { id: workspace.id }, data: { name: opts.name } });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor: opts.actor,
      action: "workspace.renamed",
      targetType: "workspace",
      targetId: workspace.id,
      data: { name: opts.name, from: workspace.name, to: opts.name, slug: workspace.slug },
    });
    return { id: workspace.id, name: opts.name, slug: workspace.slug };
  });
}

/** Owners decide whether an admin may approve a waiver they requested (a workspace with one admin). */
export async function setWaiverSelfApproval(opts: WorkspaceChange & { allow: boolean }) {
  return db.$transaction(async (tx) => {
    const workspace = await lockForChange(tx, opts, "owner");
    if (workspace.allowWaiverSelfApproval === opts.allow) return { allowWaiverSelfApproval: opts.allow };
    await tx.workspace.update({ where: { id: workspace.id }, data: { allowWaiverSelfApproval: opts.allow } });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor: opts.actor,
      action: "workspace.waiver_self_approval_changed",
      targetType: "workspace",
      targetId: workspace.id,
      data: { name: workspace.name, allowWaiverSelfApproval: opts.allow },
    });
    return { allowWaiverSelfApproval: opts.allow };
  });
}

/**
 * Deletes a workspace and everything stored for it: every table that belongs to a workspace
 * reaches it through ON DELETE CASCADE (the daily cost tables through their account's trigger),
 * so one statement removes accounts, runs, evidence, uploads and staged intakes, claims,
 * snapshots, tokens, invitations, memberships and the audit log. The audit log goes with it, so
 * the deletion is written to the server log instead, with who did it and what went.
 * The owner types the workspace's address to confirm.
 */
export async function deleteWorkspace(opts: WorkspaceChange & { actorEmail: string; confirmSlug: string }) {
  const deleted = await db.$transaction(async (tx) => {
    const workspace = await lockForChange(tx, opts, "owner");
    if (opts.confirmSlug.trim() !== workspace.slug) {
      throw new AppError("BAD_REQUEST", `Type ${workspace.slug} to confirm the deletion.`, "confirmSlug");
    }
    const where = { workspaceId: workspace.id };
    const [accounts, roles, members, uploads, runs] = await Promise.all([
      tx.awsAccount.count({ where }),
      tx.awsAccount.findMany({ where: { ...where, roleArn: { not: null } }, select: { roleArn: true } }),
      tx.membership.count({ where }),
      tx.upload.count({ where }),
      tx.syncRun.count({ where }),
    ]);
    await tx.workspace.delete({ where: { id: workspace.id } });
    return { workspace, counts: { accounts, members, uploads, runs }, roleArns: roles.map((r) => r.roleArn!) };
  });
  for (const roleArn of deleted.roleArns) forgetRoleCredentials(roleArn);
  const { id, name, slug } = deleted.workspace;
  console.info(
    `ladder: audit ${JSON.stringify({
      action: "workspace.deleted",
      at: new Date().toISOString(),
      actor: { userId: opts.actor.userId, email: opts.actorEmail },
      workspace: { id, name, slug },
      deleted: deleted.counts,
    })}`,
  );
  const remaining = await listWorkspacesForUser({ userId: opts.actor.userId });
  return { deleted: { name, slug }, nextWorkspace: remaining[0]?.slug ?? null };
}
