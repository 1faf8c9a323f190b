import { recordAudit, type Actor } from "~/server/audit/audit.service";
import { db } from "~/server/db";

export async function getSchedule(opts: { workspaceId: string }) {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: opts.workspaceId }, select: { syncEveryHours: true } });
  return { syncEveryHours: workspace.syncEveryHours };
}

export async function setSchedule(opts: { workspaceId: string; actor: Actor; syncEveryHours: number | null }) {
  await db.$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({ where: { id: opts.workspaceId }, select: { syncEveryHours: true } });
    await tx.workspace.update({ where: { id: opts.workspaceId }, data: { syncEveryHours: opts.syncEveryHours } });
    await recordAudit(tx, {
      workspaceId: opts.workspaceId,
      actor: opts.actor,
      action: "sync.schedule_changed",
      targetType: "workspace",
      targetId: opts.workspaceId,
      data: { syncEveryHours: opts.syncEveryHours, previousEveryHours: before.syncEveryHours },
    });
  });
  return { syncEveryHours: opts.syncEveryHours };
}
