import { annotationsOf } from "./annotations";
import { suggestions } from "./computations";
import { doraOf } from "./dora-table";
import { sourcesOf } from "./events";
import { loadDeployments } from "./load/deployments";
import { loadExperiments } from "./load/experiments";
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
  const [trends, deployments, experiments, maturity, options] = await Promise.all([
    incidentsTrends(scope, now),
    loadDeployments(scope),
    loadExperiments(scope),
    loadMaturityChanges(scope),
    filterOptions(scope),
  ]);
  const events = { incidents: trends.incidents.map((i) => i.event), deployments, experiments, maturity };
  const suggested = suggestions(events);
  const { annotations, leftOut } = annotationsOf({ ...events, loadedDeployments: deployments }, suggested, { base });
  return {
    filters: scope.filters,
    buckets: trends.buckets,
    openNow: trends.openNow,
    totals: trends.totals,
    annotations,
    annotationsLeftOut: leftOut,
    dora: doraOf(scope, events, now),
    suggestions: suggested,
    options,
    sources: sourcesOf(events),
  };
}
