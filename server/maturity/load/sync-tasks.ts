import { db } from "~/server/db";
import { sourceNames } from "~/server/ingest/sources";
import type { SourceSyncEvidence } from "../evidence";
import { isIncluded } from "./sql";

/**
 * Per account and source: the last finished task, and the last successful one when that is an
 * earlier task. The evaluator gates on both: a run that failed today after one that succeeded
 * yesterday leaves yesterday's rows in place (nothing is deleted after a failed fetch), so they
 * still count until they go stale.
 *
 * One index lookup per (account, source) on SyncTask(awsAccountRef, source, finishedAt), instead
 * of DISTINCT ON over every task the workspace ever ran: a year of daily syncs of 1,000 accounts
 * is 2.5 million tasks to sort.
 */
export function loadSourceSyncs(workspaceId: string): Promise<SourceSyncEvidence[]> {
  return db.$queryRaw<SourceSyncEvidence[]>`
    SELECT t.id, t."accountId", t.source, t.status, t."finishedAt" AS "observedAt"
      FROM "AwsAccount" a
     CROSS JOIN unnest(${[...sourceNames]}::text[]) AS s(source)
     CROSS JOIN LATERAL (
           (SELECT t.id, t."accountId", t.source, t.status::text AS status, t."finishedAt"
              FROM "SyncTask" t
             WHERE t."awsAccountRef" = a.id AND t.source = s.source AND t."workspaceId" = ${workspaceId}
               AND t."finishedAt" IS NOT NULL AND t.status IN ('succeeded', 'failed', 'denied', 'skipped')
             ORDER BY t."finishedAt" DESC LIMIT 1)
           UNION
           (SELECT t.id, t."accountId", t.source, t.status::text AS status, t."finishedAt"
              FROM "SyncTask" t
             WHERE t."awsAccountRef" = a.id AND t.source = s.source AND t."workspaceId" = ${workspaceId}
               AND t."finishedAt" IS NOT NULL AND t.status = 'succeeded'
             ORDER BY t."finishedAt" DESC LIMIT 1)
         ) t
     WHERE ${isIncluded("a", workspaceId)}
     ORDER BY t.id`;
}
