import { incidentView, loadIncidents } from "./load/incidents";
import { resolveScope } from "./scope";
import type { IncidentFilters, IncidentsPage } from "./types";

// The incidents in the range, each counted once, newest first, a page at a time.

export const DEFAULT_PAGE_SIZE = 50;

export async function incidentsPage(opts: {
  workspaceId: string;
  filters: IncidentFilters;
  page?: number;
  pageSize?: number;
  now?: Date;
}): Promise<IncidentsPage> {
  const page = opts.page ?? 1;
  const pageSize = opts.pageSize ?? DEFAULT_PAGE_SIZE;
  const scope = await resolveScope(opts.workspaceId, opts.filters, opts.now ?? new Date());
  const { incidents } = await loadIncidents(scope);
  incidents.sort((a, b) => b.event.startedAt.getTime() - a.event.startedAt.getTime() || (a.event.id < b.event.id ? -1 : 1));
  return {
    rows: incidents.slice((page - 1) * pageSize, page * pageSize).map((i) => incidentView(scope, i)),
    page,
    pageSize,
    total: incidents.length,
  };
}
