import type { Role } from "~/generated/prisma/enums";
import { recordAudit, type Actor } from "~/server/audit/audit.service";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
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
  workspace: { id: string; name: string; slug: string };
  role: Role;
}

// A workspace the user does not belong to does not exist, as far as they can tell.
export async function findMembership(opts: { userId: string; slug: string }): Promise<WorkspaceMembership | null> {
  const membership = await db.membership.findFirst({
    where: { userId: opts.userId, workspace: { slug: opts.slug } },
    select: { role: true, workspace: { select: { id: true, name: true, slug: true } } },
  });
  return membership;
}

export async function findWorkspaceBySlug(slug: string) {
  return db.workspace.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
}
