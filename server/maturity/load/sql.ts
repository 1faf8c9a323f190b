import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { fetchedJoin } from "./fetched";

// SQL every loader shares. Each query reaches rows only through an AwsAccount (or organisation)
// of the workspace, so no id or account number can pull in another workspace's data.

/**
 * Accounts whose evidence is loaded: the connected ones, and failed ones that synced before.
 * A failed account keeps its rows and its last syncs, which go stale on their own; dropping it
 * would hide it from the ladder exactly when it needs attention. Pending accounts, and failed
 * ones that never fetched anything, have nothing to show.
 */
export function isIncluded(alias: string, workspaceId: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`(${a}."workspaceId" = ${workspaceId} AND ${a}."accountId" IS NOT NULL AND (${a}.status = 'connected'
    OR (${a}.status = 'failed' AND EXISTS (SELECT 1 FROM "SyncTask" done
      WHERE done."awsAccountRef" = ${a}.id AND done.status = 'succeeded'))))`;
}

/**
 * The workspace's organisation. The evidence models one (one tree, one management account); with
 * several, the first connected is used and accounts of the others count as outside it.
 */
export function primaryOrganization(workspaceId: string): Prisma.Sql {
  return Prisma.sql`(SELECT o.id FROM "AwsOrganization" o WHERE o."workspaceId" = ${workspaceId} ORDER BY o."createdAt", o.id LIMIT 1)`;
}

/**
 * When a sync last confirmed a row of `table`: the later of the run that last wrote it (its
 * lastSeenRunId) and the last complete fetch of its scope (fetched.ts), which confirmed the rows
 * it found unchanged without rewriting them. A row whose runs are gone cannot say when it was
 * seen and counts as long stale.
 */
export function seenJoin(alias: string, workspaceId: string, table: string): Prisma.Sql {
  return Prisma.sql`LEFT JOIN "SyncRun" seen ON seen.id = ${Prisma.raw(alias)}."lastSeenRunId" AND seen."workspaceId" = ${workspaceId}
    ${fetchedJoin(table, alias, workspaceId)}`;
}
export const seenAt = Prisma.sql`GREATEST(COALESCE(seen."finishedAt", seen."startedAt", seen."createdAt", 'epoch'), COALESCE(fetched.at, 'epoch'))`;

export interface AccountRow {
  id: string;
  accountId: string;
  observedAt: Date;
}

/**
 * The AWS accounts whose per-account evidence a load reads: all of them, or one batch of an
 * evaluation that goes through the accounts a few hundred at a time.
 */
export type AccountBatch = readonly string[] | undefined;

/** `column` (an AWS account number) within the batch; nothing when the batch is all accounts. */
export function inBatch(column: string, only: AccountBatch): Prisma.Sql {
  return only ? Prisma.sql`AND ${Prisma.raw(column)} = ANY(${[...only]}::text[])` : Prisma.empty;
}

/**
 * Rows of a per-account table (one with awsAccountRef and lastSeenRunId), with the AWS account
 * number and when they were last seen. `columns` is code, never input. `batchColumn` names the
 * account a row is evidence for, when it is not the account that read it.
 */
export async function accountRows<T>(
  { workspaceId, only }: { workspaceId: string; only?: AccountBatch },
  table: string,
  columns: string,
  where: Prisma.Sql = Prisma.empty,
  batchColumn = `a."accountId"`,
): Promise<Array<T & AccountRow>> {
  const rows = await db.$queryRaw<Array<T & AccountRow>>`
    SELECT r.id, a."accountId", ${Prisma.raw(columns)}, ${seenAt} AS "observedAt"
      FROM ${Prisma.raw(`"${table}"`)} r
      JOIN "AwsAccount" a ON a.id = r."awsAccountRef"
      ${seenJoin("r", workspaceId, table)}
     WHERE ${isIncluded("a", workspaceId)} ${where} ${inBatch(batchColumn, only)}`;
  return byId(rows);
}

/**
 * Rows in a fixed order, so unchanged data loads the same and results cite it the same way.
 * Sorted here: Postgres would spill a sort of 100,000 deployments to disk at the default work_mem.
 */
export const byId = <R extends { id: string }>(rows: R[]): R[] => rows.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

/** Runs at most `limit` queries at once: the pool is small and other requests share it. */
export function queryLimiter(limit: number): <T>(query: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (query) => {
    while (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await query();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

export type Limit = ReturnType<typeof queryLimiter>;

export const DAY_MS = 86_400_000;
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
