import { buttonClasses } from "~/components/ui/button";
import type { DrillRef, FinOpsFilters } from "~/server/finops/types";
import { type ExportTable, finopsExportPath } from "./paths";

// Plain links: the browser downloads with the session cookie, the page's filters included.
export function ExportLinks({
  workspace,
  table,
  filters,
  label,
  drill,
}: {
  workspace: string;
  table: ExportTable;
  filters: FinOpsFilters;
  label: string;
  drill?: DrillRef;
}) {
  return (
    <div className="flex gap-2">
      <a href={finopsExportPath(workspace, table, "csv", filters, drill)} className={buttonClasses("secondary", "sm")} download>
        CSV<span className="sr-only"> export of {label}</span>
      </a>
      <a href={finopsExportPath(workspace, table, "json", filters, drill)} className={buttonClasses("secondary", "sm")} download>
        JSON<span className="sr-only"> export of {label}</span>
      </a>
    </div>
  );
}
