import type { Prisma } from "~/generated/prisma/client";
import { db, type Db } from "~/server/db";

export interface Actor {
  userId?: string;
  // For actions not done by a signed-in person: "cli", "token:<prefix>".
  label?: string;
}

type Tx = Pick<Db, "auditLog">;

export interface AuditEntry {
  workspaceId: string;
  actor: Actor;
  action: string;
  targetType: string;
  targetId?: string;
  data?: Prisma.InputJsonObject;
}

/**
 * How every audit entry names an AWS account: its number and its name as they were then, so the
 * log reads the same after the account is renamed or removed. Null until the role is pasted.
 */
export function auditAccount(account: { accountId: string | null; name: string | null }): Prisma.InputJsonObject {
  return { accountId: account.accountId, name: account.name };
}

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      workspaceId: entry.workspaceId,
      actorUserId: entry.actor.userId ?? null,
      actorLabel: entry.actor.label ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      data: entry.data ?? {},
    },
  });
}

export async function listAuditLog(opts: { workspaceId: string; cursor?: string; limit: number }) {
  const entries = await db.auditLog.findMany({
    where: { workspaceId: opts.workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      action: true,
      targetType: true,
      targetId: true,
      data: true,
      createdAt: true,
      actorLabel: true,
      actor: { select: { email: true, name: true } },
    },
  });
  const hasMore = entries.length > opts.limit;
  const page = hasMore ? entries.slice(0, opts.limit) : entries;
  return { entries: page, nextCursor: hasMore ? page[page.length - 1]?.id : undefined };
}
