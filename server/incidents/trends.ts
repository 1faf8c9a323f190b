import { buckets, restoreStats } from "./computations";
import { deploymentCounts } from "./load/deployment-counts";
import { loadExperiments } from "./load/experiments";
import { countOpenNow, loadIncidents } from "./load/incidents";
import type { Scope } from "./scope";
import { emptyBuckets, experimentTrend, incidentTrend } from "./sql/trend";
import type { IncidentsOverview } from "./types";

// The trend: incidents counted once, by severity, with their restore times; deployments and chaos
// experiments per bucket. Aggregated in SQL (server/incidents/sql/trend.ts); `incidentsTrendsByEvents`
// computes the same from events with the pure functions and is the reference the SQL is tested against.

export type Trends = Pick<IncidentsOverview, "buckets" | "openNow" | "totals">;

const asOfIn = (scope: Scope, now: Date) => (now < scope.to ? now : scope.to);

export async function incidentsTrends(scope: Scope, now: Date): Promise<Trends> {
  const [incidents, experiments, counts, openNow] = await Promise.all([
    incidentTrend(scope, asOfIn(scope, now)),
    experimentTrend(scope),
    deploymentCounts(scope, scope.filters.bucket),
    countOpenNow(scope, now),
  ]);
  const trend = emptyBuckets(scope).map((b) => ({
    ...b,
    ...incidents.buckets.get(b.start),
    deployments: counts.get(b.start) ?? b.deployments,
    experiments: experiments.get(b.start) ?? b.experiments,
  }));
  return {
    buckets: trend,
    openNow,
    totals: { incidents: incidents.total, restore: incidents.restore, duplicatesMerged: incidents.duplicatesMerged },
  };
}

/** The reference: the same figures from the events, row by row (server/incidents/compute/buckets.ts). */
export async function incidentsTrendsByEvents(scope: Scope, now: Date): Promise<Trends> {
  const [{ incidents }, experiments, counts, openNow] = await Promise.all([
    loadIncidents(scope, scope.from, scope.to, true),
    loadExperiments(scope),
    deploymentCounts(scope, scope.filters.bucket),
    countOpenNow(scope, now),
  ]);
  const events = incidents.map((i) => i.event);
  const asOf = asOfIn(scope, now);
  const trend = buckets(
    { incidents: events, deployments: [], experiments, maturity: [] },
    { from: scope.from, to: scope.to, bucket: scope.filters.bucket, asOf },
  ).map((b) => ({ ...b, deployments: counts.get(b.start) ?? { total: 0, failed: 0, rolledBack: 0 } }));
  return {
    buckets: trend,
    openNow,
    totals: {
      incidents: events.length,
      restore: restoreStats(events, asOf),
      duplicatesMerged: events.reduce((n, i) => n + i.alsoFrom.length, 0),
    },
  };
}
