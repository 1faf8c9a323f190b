import { annotationsOf } from "./annotations";
import { buckets, dora, restoreStats, suggestions } from "./computations";
import { loadEvents, sourcesOf } from "./events";
import { countOpenNow } from "./load/incidents";
import { filterOptions } from "./options";
import { resolveScope } from "./scope";
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
  const [events, openNow, options] = await Promise.all([loadEvents(scope), countOpenNow(scope, now), filterOptions(scope)]);
  const asOf = now < scope.to ? now : scope.to;
  const suggested = suggestions(events);
  const { annotations, leftOut } = annotationsOf(events, suggested, { base });
  return {
    filters: scope.filters,
    buckets: buckets(events, { from: scope.from, to: scope.to, bucket: scope.filters.bucket, asOf }),
    openNow,
    totals: {
      incidents: events.incidents.length,
      restore: restoreStats(events.incidents, asOf),
      duplicatesMerged: events.incidents.reduce((n, i) => n + i.alsoFrom.length, 0),
    },
    annotations,
    annotationsLeftOut: leftOut,
    dora: dora(events, {
      from: scope.from,
      to: scope.to,
      failureWindowHours: scope.filters.failureWindowHours,
      asOf,
      ouOf: (accountId) => scope.directory.accounts.get(accountId)?.ouPath ?? null,
    }),
    suggestions: suggested,
    options,
    sources: sourcesOf(events),
  };
}
