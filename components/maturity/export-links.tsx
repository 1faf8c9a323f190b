import { buttonClasses } from "~/components/ui/button";
import { exportPath, type MaturityFilters } from "./labels";

// Plain links: the browser downloads the file with the session cookie, filters included.
export function ExportLinks({ workspace, filters }: { workspace: string; filters: MaturityFilters }) {
  return (
    <div className="flex gap-2">
      <a href={exportPath(workspace, filters, "csv")} className={buttonClasses("secondary", "sm")} download>
        Export CSV
      </a>
      <a href={exportPath(workspace, filters, "json")} className={buttonClasses("secondary", "sm")} download>
        Export JSON
      </a>
    </div>
  );
}
