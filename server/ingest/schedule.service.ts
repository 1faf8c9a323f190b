import { recordAudit, type Actor } from "~/server/audit/audit.service";
import { db } from "~/server/db";

// How many of each payer's latest re-syncs the Cost Explorer estimate averages.
const RECENT_RESYNCS = 7;
const HOURS_PER_MONTH = 720;

export interface CostExplorerSpendEstimate {
  /** Cost Explorer requests a scheduled sync makes: each payer's recent re-syncs, averaged, summed over payers. */
  requestsPerSync: number;
  /** How many re-syncs the average is drawn from. */
  basedOnSyncs: number;
  syncsPerMonth: number;
  requestsPerMonth: number;
  /** At $0.01 per request. */
  usdPerMonth: string;
}

/**
 * What the schedule costs the payer accounts in Cost Explorer requests, from real runs: a payer's
 * first cost sync reads 13 months and is left out; the ones after it are what the schedule repeats.
 * Null until some payer has synced cost twice.
 */
async function estimateCostExplorerSpend(workspaceId: string, syncEveryHours: number | null) {
  const resyncs = await db.$queryRaw<{ awsAccountRef: string; requests: number; syncs: number }[]>`
    SELECT r."awsAccountRef", avg(r."ceRequests")::float8 AS requests, count(*)::int AS syncs
      FROM (SELECT t."awsAccountRef", t."ceRequests",
                   row_number() OVER (PARTITION BY t."awsAccountRef" ORDER BY t."finishedAt" DESC) AS recent,
                   row_number() OVER (PARTITION BY t."awsAccountRef" ORDER BY t."finishedAt") AS nth
              FROM "SyncTask" t
             WHERE t."workspaceId" = ${workspaceId} AND t.source = 'cost' AND t.status = 'succeeded'
               AND t."finishedAt" IS NOT NULL) r
     WHERE r.nth > 1 AND r.recent <= ${RECENT_RESYNCS}
     GROUP BY r."awsAccountRef"`;
  if (!resyncs.length) return null;
  const requestsPerSync = Math.round(resyncs.reduce((total, r) => total + r.requests, 0));
  const syncsPerMonth = syncEveryHours ? HOURS_PER_MONTH / syncEveryHours : 0;
  const requestsPerMonth = Math.round(requestsPerSync * syncsPerMonth);
  return {
    requestsPerSync,
    basedOnSyncs: resyncs.reduce((total, r) => total + r.syncs, 0),
    syncsPerMonth: Math.round(syncsPerMonth * 10) / 10,
    requestsPerMonth,
    usdPerMonth: (requestsPerMonth / 100).toFixed(2),
  } satisfies CostExplorerSpendEstimate;
}

export async function getSchedule(opts: { workspaceId: string }) {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: opts.workspaceId }, select: { syncEveryHours: true } });
  return {
    syncEveryHours: workspace.syncEveryHours,
    costExplorer: await estimateCostExplorerSpend(opts.workspaceId, workspace.syncEveryHours),
  };
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
