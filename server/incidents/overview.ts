import { annotationsOf } from "./annotations";
import { suggestions } from "./computations";
import { doraOf, failureHorizon } from "./dora-table";
import { sourcesOf } from "./events";
import { loadDeployments } from "./load/deployments";
import { loadExperiments } from "./load/experiments";
import { loadIncidents } from "./load/incidents";
import { loadMaturityChanges } from "./load/maturity";
import { filterOptions } from "./options";
import { resolveScope } from "./scope";
import { incidentsTrends } from "./trends";
import type { IncidentFilters, IncidentsOverview } from "./types";

// The Incidents page in one call: trend buckets, open incidents, totals, overlays, the DORA table,
// the changes worth a before/after look, the filter options and the sources behind it all.

export interface OverviewOptions {
  workspaceId: string;
  filters: IncidentFilters;
  /** The workspace's path for links, e.g. "/w/acme". */
  base?: string;
  now?: Date;
}

export async function incidentsOverview({
  workspaceId,
  filters,
  base = "",
  now = new Date(),
}: OverviewOptions): Promise<IncidentsOverview> {
  const scope = await resolveScope(workspaceId, filters, now);
  const [trends, { incidents }, after, deployments, experiments, maturity, options] = await Promise.all([
    incidentsTrends(scope, now),
    loadIncidents(scope, scope.from, scope.to, true),
    scope.to < now ? loadIncidents(scope, scope.to, failureHorizon(scope), true) : Promise.resolve({ incidents: [] }),
    loadDeployments(scope),
    loadExperiments(scope),
    loadMaturityChanges(scope),
    filterOptions(scope),
  ]);
  const events = { incidents: incidents.map((i) => i.event), deployments, experiments, maturity };
  const suggested = suggestions(events, { isProduction: scope.isProduction, asOf: now < scope.to ? now : scope.to });
  const { annotations, leftOut } = annotationsOf({ ...events, loadedDeployments: deployments }, suggested, { base });
  return {
    filters: scope.filters,
    buckets: trends.buckets,
    openNow: trends.openNow,
    totals: trends.totals,
    annotations,
    annotationsLeftOut: leftOut,
    dora: doraOf(scope, { ...events, incidents: [...events.incidents, ...after.incidents.map((i) => i.event)] }, now),
    suggestions: suggested,
    options,
    sources: sourcesOf(events),
  };
}
