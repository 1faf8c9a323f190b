import { buckets, restoreStats } from "./computations";
import { deploymentCounts } from "./load/deployment-counts";
import { loadExperiments } from "./load/experiments";
import { countOpenNow, loadIncidents, type LoadedIncident } from "./load/incidents";
import type { Scope } from "./scope";
import type { IncidentsOverview } from "./types";

// The trend: incidents (each counted once, so read row by row) with their restore times, chaos
// experiments, and deployments counted per bucket in SQL.

export interface Trends extends Pick<IncidentsOverview, "buckets" | "openNow" | "totals"> {
  incidents: LoadedIncident[];
}

export async function incidentsTrends(scope: Scope, now: Date): Promise<Trends> {
  const [{ incidents }, experiments, counts, openNow] = await Promise.all([
    loadIncidents(scope),
    loadExperiments(scope),
    deploymentCounts(scope, scope.filters.bucket),
    countOpenNow(scope, now),
  ]);
  const events = incidents.map((i) => i.event);
  const asOf = now < scope.to ? now : scope.to;
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
    incidents,
  };
}
