import { stringify } from "csv-stringify/sync";
import { doraTableFor } from "./dora-table";
import { deploymentView, loadDeployments } from "./load/deployments";
import { incidentView, loadIncidents } from "./load/incidents";
import { resolveScope } from "./scope";
import type { DoraFigure, DoraRow, IncidentFilters } from "./types";

// The incidents, the deployments and the DORA table as flat records (CSV columns, JSON objects),
// read by the same loaders and computations as the page.

export const EXPORT_TABLES = ["incidents", "deployments", "dora"] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

type Flat = Record<string, string | number | boolean | null>;

const figure = (name: string, f: DoraFigure): Flat => ({
  [name]: f.value,
  [`${name}N`]: f.n,
  [`${name}Band`]: f.band ? `${f.band.year} DORA: ${f.band.label}` : null,
});

const doraRecord = (row: DoraRow): Flat => ({
  scope: row.scope,
  key: row.key,
  label: row.label,
  ...figure("deploymentsPerDay", row.deploymentFrequency),
  ...figure("leadTimeSeconds", row.leadTime),
  ...figure("changeFailureRate", row.changeFailureRate),
  ...figure("recoveryTimeSeconds", row.recoveryTime),
});

export async function exportRecords(
  workspaceId: string,
  table: ExportTable,
  filters: IncidentFilters,
  now = new Date(),
): Promise<Flat[]> {
  if (table === "dora") {
    const dora = await doraTableFor(await resolveScope(workspaceId, filters, now), now);
    return [dora.workspace, ...dora.byOu, ...dora.byAccount, ...dora.byService].map(doraRecord);
  }
  const scope = await resolveScope(workspaceId, filters, now);
  if (table === "deployments") return (await loadDeployments(scope)).map((d) => ({ ...deploymentView(d) }));
  const { incidents } = await loadIncidents(scope);
  return incidents
    .sort((a, b) => a.event.startedAt.getTime() - b.event.startedAt.getTime())
    .map((i) => {
      const { alsoFrom, ...view } = incidentView(scope, i);
      return { ...view, alsoFrom: alsoFrom.map((a) => `${a.source}:${a.id}`).join(" ") };
    });
}

export function toCsv(records: Flat[]): string {
  if (!records.length) return "";
  return stringify(records, {
    header: true,
    columns: Object.keys(records[0]!),
    cast: { boolean: (v) => (v ? "true" : "false") },
  });
}
