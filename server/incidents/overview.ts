import { annotationsOf, MAX_ANNOTATIONS } from "./annotations";
import { firstExperiments, maturityRises, rankChanges, reasoned, windowDaysOf } from "./compute/suggestions";
import { suggestions } from "./computations";
import { doraOf, doraTableFor, failureHorizon } from "./dora-table";
import { sourcesFrom, sourcesOf } from "./events";
import { loadDeployments } from "./load/deployments";
import { loadExperiments } from "./load/experiments";
import { loadIncidents } from "./load/incidents";
import { loadMaturityChanges } from "./load/maturity";
import { filterOptions } from "./options";
import { resolveScope, type Scope } from "./scope";
import { deploymentSummary, earliestIncident, incidentsAround, newestFailedDeployments, sourcesSeen } from "./sql/overview";
import { incidentsTrends, type Trends } from "./trends";
import type { Annotation, IncidentFilters, IncidentsOverview } from "./types";

// The Incidents page in one call: trend buckets, open incidents, totals, overlays, the DORA table,
// the changes worth a before/after look, the filter options and the sources behind it all. A year
// of a large organisation is a million deployments and a hundred thousand incidents: the view reads
// them in SQL (trend, DORA table, canary arrivals, incidents around each change, the newest failed
// deployments), never row by row. `incidentsOverviewByEvents` computes the same from the events.

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
  const asOf = now < scope.to ? now : scope.to;
  const [trends, dora, deployments, earliestIncidentAt, failed, experiments, maturity, options, seen] = await Promise.all([
    incidentsTrends(scope, now),
    doraTableFor(scope, now),
    deploymentSummary(scope),
    earliestIncident(scope),
    newestFailedDeployments(scope, MAX_ANNOTATIONS),
    loadExperiments(scope),
    loadMaturityChanges(scope),
    filterOptions(scope),
    sourcesSeen(scope),
  ]);
  // The changes worth a before/after look (compute/suggestions.ts), ranked by the production
  // incidents around each, counted in SQL.
  const earliest = Math.min(deployments.earliest, earliestIncidentAt);
  const changes = [...deployments.canaries, ...maturityRises(maturity), ...firstExperiments(experiments)];
  const windows = changes.map((change) => ({ change, days: windowDaysOf(change, earliest, { asOf }) }));
  const counts = await incidentsAround(scope, windows);
  const suggestions = rankChanges(
    windows.map(({ change, days }, i) => reasoned(change, days, counts[i]!.before, counts[i]!.after)),
  );
  const { annotations, leftOut } = annotationsOf(
    { incidents: [], deployments: failed, experiments, maturity, loadedDeployments: failed },
    suggestions,
    { base },
    deployments.failed - failed.length,
  );
  return overviewOf(
    scope,
    trends,
    { annotations, leftOut },
    {
      dora,
      suggestions,
      options,
      sources: sourcesFrom(seen, experiments.length > 0),
    },
  );
}

/** The page's answer from its parts. */
const overviewOf = (
  scope: Scope,
  trends: Trends,
  overlays: { annotations: Annotation[]; leftOut: number },
  rest: Pick<IncidentsOverview, "dora" | "suggestions" | "options" | "sources">,
): IncidentsOverview => ({
  filters: scope.filters,
  buckets: trends.buckets,
  openNow: trends.openNow,
  totals: trends.totals,
  annotations: overlays.annotations,
  annotationsLeftOut: overlays.leftOut,
  ...rest,
});

/** The reference: the same overview from every event of the range, row by row. */
export async function incidentsOverviewByEvents({
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
  return overviewOf(scope, trends, annotationsOf({ ...events, loadedDeployments: deployments }, suggested, { base }), {
    dora: doraOf(scope, { ...events, incidents: [...events.incidents, ...after.incidents.map((i) => i.event)] }, now),
    suggestions: suggested,
    options,
    sources: sourcesOf(events),
  });
}
