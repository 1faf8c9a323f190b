import { buttonClasses } from "~/components/ui/button";
import type { IncidentFilters } from "~/server/incidents/types";
import { type IncidentsExportTable, incidentsExportPath } from "./paths";

// Plain links: the browser downloads with the session cookie, the page's filters included.
export function ExportLinks({
  workspace,
  table,
  filters,
  label,
  visible,
}: {
  workspace: string;
  table: IncidentsExportTable;
  filters: IncidentFilters;
  label: string;
  /** Shown before "CSV"/"JSON" when several tables export from one place. */
  visible?: string;
}) {
  return (
    <div className="flex items-center gap-2">
      {visible && <span className="text-xs font-medium text-slate-600">{visible}</span>}
      <a href={incidentsExportPath(workspace, table, "csv", filters)} className={buttonClasses("secondary", "sm")} download>
        CSV<span className="sr-only"> export of {label}</span>
      </a>
      <a href={incidentsExportPath(workspace, table, "json", filters)} className={buttonClasses("secondary", "sm")} download>
        JSON<span className="sr-only"> export of {label}</span>
      </a>
    </div>
  );
}
