import { buttonClasses } from "~/components/ui/button";
import type { IncidentFilters } from "~/server/incidents/types";
import { type IncidentsExportTable, incidentsExportPath } from "./paths";

// Plain links: the browser downloads with the session cookie, the page's filters included.
export function ExportLinks({
  workspace,
  table,
  filters,
  label,
}: {
  workspace: string;
  table: IncidentsExportTable;
  filters: IncidentFilters;
  label: string;
}) {
  return (
    <div className="flex gap-2">
      <a href={incidentsExportPath(workspace, table, "csv", filters)} className={buttonClasses("secondary", "sm")} download>
        CSV<span className="sr-only"> export of {label}</span>
      </a>
      <a href={incidentsExportPath(workspace, table, "json", filters)} className={buttonClasses("secondary", "sm")} download>
        JSON<span className="sr-only"> export of {label}</span>
      </a>
    </div>
  );
}
