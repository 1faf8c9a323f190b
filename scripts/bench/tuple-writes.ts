import { db } from "~/server/db";

// Rows PostgreSQL wrote during a sync, from its table statistics: what the daily re-sync costs
// the database besides CPU. The maturity evaluation that follows a sync (its Maturity* tables)
// is left out: it may run while the snapshot waits. Backends report their counts a moment after a transaction ends, so
// a snapshot waits for that first.

export interface TupleWrites {
  inserted: number;
  updated: number;
  deleted: number;
}

const REPORT_DELAY_MS = 1500;

export async function tupleWrites(): Promise<TupleWrites> {
  await new Promise((resolve) => setTimeout(resolve, REPORT_DELAY_MS));
  const [row] = await db.$queryRaw<TupleWrites[]>`
    SELECT COALESCE(sum(n_tup_ins), 0)::float8 AS inserted, COALESCE(sum(n_tup_upd), 0)::float8 AS updated,
           COALESCE(sum(n_tup_del), 0)::float8 AS deleted
      FROM pg_stat_user_tables WHERE schemaname = 'public' AND relname NOT LIKE 'Maturity%'`;
  return row!;
}

export const tupleWritesSince = (before: TupleWrites, after: TupleWrites): TupleWrites => ({
  inserted: after.inserted - before.inserted,
  updated: after.updated - before.updated,
  deleted: after.deleted - before.deleted,
});
