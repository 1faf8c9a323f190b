import Link from "next/link";
import { Badge } from "~/components/ui/badge";
import { Card, CardHeader } from "~/components/ui/card";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import type { IncidentFilters, IncidentsPage } from "~/server/incidents/types";
import { ExportLinks } from "./export-links";
import { formatCount, formatDuration, formatUtc, severityLabels, sourceLabel } from "./format";
import { incidentPath, incidentsPath } from "./paths";

/** The incidents in range, newest first, a page at a time; each opens its detail. */
export function IncidentsTable({
  data,
  workspace,
  filters,
  extra,
}: {
  data: IncidentsPage;
  workspace: string;
  filters: IncidentFilters;
  extra: { change: string | null; days: number };
}) {
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const firstRow = data.total ? (data.page - 1) * data.pageSize + 1 : 0;
  const lastRow = Math.min(data.total, data.page * data.pageSize);
  const pageLink = (page: number, text: string) => (
    <Link
      href={`${incidentsPath(workspace, filters, { ...extra, page })}#incidents`}
      scroll={false}
      className="font-medium text-sky-800 underline underline-offset-2"
    >
      {text}
    </Link>
  );
  return (
    <Card className="overflow-hidden" id="incidents">
      <CardHeader
        title="Incidents"
        description={
          data.total
            ? `${formatCount(firstRow)}–${formatCount(lastRow)} of ${formatCount(data.total)}, newest first; each counted once, whatever its sources.`
            : "No incidents in this scope and range."
        }
        action={
          <div className="flex flex-wrap gap-3">
            <ExportLinks workspace={workspace} table="incidents" filters={filters} label="the incidents" visible="Incidents" />
            <ExportLinks
              workspace={workspace}
              table="deployments"
              filters={filters}
              label="the deployments"
              visible="Deployments"
            />
          </div>
        }
      />
      {data.rows.length > 0 && (
        <Table caption={`Incidents, page ${data.page} of ${pages}`}>
          <thead>
            <tr>
              <Th className="normal-case">Started (UTC)</Th>
              <Th className="normal-case">Incident</Th>
              <Th className="normal-case">Severity</Th>
              <Th className="normal-case">Where</Th>
              <Th className="normal-case">Source</Th>
              <Th className="text-right normal-case">Time to restore</Th>
            </tr>
          </thead>
          <TBody>
            {data.rows.map((row) => (
              <tr key={row.id}>
                <Td className="py-2 whitespace-nowrap tabular-nums">{formatUtc(row.startedAt)}</Td>
                <th scope="row" className="px-4 py-2 text-left font-medium">
                  <Link href={incidentPath(workspace, row.id)} className="text-sky-800 underline underline-offset-2">
                    {row.title}
                  </Link>
                </th>
                <Td className="py-2 whitespace-nowrap">{row.severity ?? severityLabels[row.severityKey]}</Td>
                <Td className="py-2 text-xs">
                  {[row.accountName ?? row.accountId, row.service, row.environment].filter(Boolean).join(" · ") || "—"}
                </Td>
                <Td className="py-2 text-xs">
                  {sourceLabel(row.source)}
                  {row.alsoFrom.length > 0 && (
                    <span className="block text-slate-600">also {row.alsoFrom.map((a) => sourceLabel(a.source)).join(", ")}</span>
                  )}
                </Td>
                <Td className="py-2 text-right whitespace-nowrap tabular-nums">
                  {row.resolvedAt ? formatDuration(row.durationSeconds) : <Badge tone="amber">Open</Badge>}
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      {pages > 1 && (
        <nav
          aria-label="Incident pages"
          className="flex items-center justify-between border-t border-slate-200 px-5 py-3 text-sm"
        >
          <span>{data.page > 1 ? pageLink(data.page - 1, "Newer") : <span className="text-slate-500">Newer</span>}</span>
          <span className="text-slate-600">
            Page {data.page} of {pages}
          </span>
          <span>{data.page < pages ? pageLink(data.page + 1, "Older") : <span className="text-slate-500">Older</span>}</span>
        </nav>
      )}
    </Card>
  );
}
