import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { isIncluded } from "~/server/maturity/load/sql";
import { bucketLabel, bucketStarts, SEVERITY_KEYS, utcDay } from "../compute/buckets";
import { incidentScopeWhere } from "../load/incidents";
import { scopeWhere, type Scope } from "../scope";
import { severityKeyOf } from "../severity";
import type { DurationStats, SeverityKey, TrendBucket } from "../types";

// The incident and experiment parts of the trend (compute/buckets.ts) as SQL aggregates: incidents
// counted once (the rows merged into another are left out: merge-store.ts), bucketed by start in UTC with date_trunc (months; weeks from
// Monday, as ISO weeks), restore times as percentile_cont (the same type-7 percentile as
// compute/stats.ts) over the incidents resolved by `asOf`, the others counted open. Severity words
// are mapped by severityKeyOf per distinct (rank, severity) pair, so one function decides them.

export interface IncidentTrend {
  buckets: Map<string, Pick<TrendBucket, "incidents" | "restore">>;
  total: number;
  restore: DurationStats;
  duplicatesMerged: number;
}

interface Row {
  grouping: number;
  start: string | null;
  rank: number | null;
  severity: string | null;
  total: number;
  n: number;
  median: number | null;
  p90: number | null;
}

const bySeverity = (): Record<SeverityKey, number> =>
  Object.fromEntries(SEVERITY_KEYS.map((k) => [k, 0])) as Record<SeverityKey, number>;

/** Seconds from start to restore at `asOf`, NULL when still open then; a resolution before the start is 0. */
export const restoreSecondsSql = (start: string, resolved: string, asOf: Date): Prisma.Sql =>
  Prisma.sql`CASE WHEN ${Prisma.raw(resolved)} IS NULL OR ${Prisma.raw(resolved)} > ${asOf} THEN NULL
    ELSE GREATEST(0, EXTRACT(EPOCH FROM ${Prisma.raw(resolved)} - ${Prisma.raw(start)}))::float8 END`;

export async function incidentTrend(scope: Scope, asOf: Date): Promise<IncidentTrend> {
  const unit = scope.filters.bucket === "week" ? "week" : "month";
  const inScope = Prisma.sql`r."workspaceId" = ${scope.workspaceId} AND r."startedAt" >= ${scope.from} AND r."startedAt" < ${scope.to}
    ${incidentScopeWhere(scope)}`;
  const [rows, [merged]] = await Promise.all([
    db.$queryRaw<Row[]>`
    SELECT GROUPING(start, rank, severity)::int AS grouping, to_char(start, 'YYYY-MM-DD') AS start, rank, severity,
           count(*)::int AS total, count(s)::int AS n,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY s) AS median, percentile_cont(0.9) WITHIN GROUP (ORDER BY s) AS p90
      FROM (SELECT date_trunc(${unit}, r."startedAt") AS start, r."severityRank" AS rank, r.severity,
                   ${restoreSecondsSql(`r."startedAt"`, `r."resolvedAt"`, asOf)} AS s
              FROM "Incident" r
             WHERE ${inScope} AND r."mergedInto" IS NULL) i
     GROUP BY GROUPING SETS ((start, rank, severity), (start), ())`,
    // Rows merged into the incidents counted (the trend's "duplicatesMerged").
    db.$queryRaw<[{ n: number }]>`
      SELECT count(*)::int AS n FROM "Incident" a JOIN "Incident" r ON r.id = a."mergedInto"
       WHERE a."workspaceId" = ${scope.workspaceId} AND a."mergedInto" IS NOT NULL AND ${inScope}`,
  ]);
  const buckets: IncidentTrend["buckets"] = new Map();
  const bucket = (start: string) => {
    let b = buckets.get(start);
    if (!b) {
      b = { incidents: { total: 0, bySeverity: bySeverity() }, restore: { n: 0, median: null, p90: null, open: 0 } };
      buckets.set(start, b);
    }
    return b;
  };
  const stats = (r: Row): DurationStats => ({ n: r.n, median: r.median, p90: r.p90, open: r.total - r.n });
  let total = 0;
  let restore: DurationStats = { n: 0, median: null, p90: null, open: 0 };
  for (const r of rows) {
    if (r.grouping === 0) bucket(r.start!).incidents.bySeverity[severityKeyOf(r.rank, r.severity)] += r.total;
    else if (r.grouping === 3) Object.assign(bucket(r.start!), { restore: stats(r) }).incidents.total = r.total;
    else [total, restore] = [r.total, stats(r)];
  }
  return { buckets, total, restore, duplicatesMerged: merged.n };
}

/** FIS experiments per bucket by start: run, stopped (FIS status "stopped"), failed. */
export async function experimentTrend(scope: Scope): Promise<Map<string, TrendBucket["experiments"]>> {
  const unit = scope.filters.bucket === "week" ? "week" : "month";
  const service = Prisma.sql`COALESCE(r.tags->>'service', r.tags->>'Service', r.tags->>'team')`;
  const rows = await db.$queryRaw<{ start: string; run: number; stopped: number; failed: number }[]>`
    SELECT to_char(date_trunc(${unit}, r."startTime"), 'YYYY-MM-DD') AS start, count(*)::int AS run,
           (count(*) FILTER (WHERE lower(r.status) = 'stopped'))::int AS stopped,
           (count(*) FILTER (WHERE lower(r.status) = 'failed'))::int AS failed
      FROM "FisExperiment" r
      JOIN "AwsAccount" a ON a.id = r."awsAccountRef"
     WHERE ${isIncluded("a", scope.workspaceId)} AND r."startTime" >= ${scope.from} AND r."startTime" < ${scope.to}
       ${scopeWhere(scope, { account: `a."accountId"` })}
       ${scope.filters.service ? Prisma.sql`AND ${service} = ${scope.filters.service}` : Prisma.empty}
     GROUP BY 1`;
  return new Map(rows.map((r) => [r.start, { run: r.run, stopped: r.stopped, failed: r.failed }]));
}

/** Every bucket of the range, oldest first, with its label; counts filled by the caller. */
export function emptyBuckets(scope: Scope): TrendBucket[] {
  return bucketStarts(scope.from, scope.to, scope.filters.bucket).map((start) => ({
    start: utcDay(start),
    label: bucketLabel(start, scope.filters.bucket),
    incidents: { total: 0, bySeverity: bySeverity() },
    restore: { n: 0, median: null, p90: null, open: 0 },
    deployments: { total: 0, failed: 0, rolledBack: 0 },
    experiments: { run: 0, stopped: 0, failed: 0 },
  }));
}
