import { incidentView, loadIncidentPage } from "./load/incidents";
import { resolveScope } from "./scope";
import type { IncidentFilters, IncidentsPage } from "./types";

// The incidents in the range, each counted once, newest first, a page at a time (read a page at a
// time: a year of a large organisation is a hundred thousand incidents).

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
  const { incidents, total } = await loadIncidentPage(scope, (page - 1) * pageSize, pageSize);
  return { rows: incidents.map((i) => incidentView(scope, i)), page, pageSize, total };
}
