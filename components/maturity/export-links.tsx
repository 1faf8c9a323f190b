import Link from "next/link";
import { buttonClasses } from "~/components/ui/button";
import { exportPath, type MaturityFilters } from "./labels";

// Plain links: the browser downloads the file with the session cookie, filters included; and
// the list of people's claims beside them.
export function ExportLinks({ workspace, filters }: { workspace: string; filters: MaturityFilters }) {
  return (
    <div className="flex flex-wrap gap-2">
      <Link href={`/w/${workspace}/maturity/claims`} className={buttonClasses("secondary", "sm")}>
        Waivers and attestations
      </Link>
      <a href={exportPath(workspace, filters, "csv")} className={buttonClasses("secondary", "sm")} download>
        Export CSV
      </a>
      <a href={exportPath(workspace, filters, "json")} className={buttonClasses("secondary", "sm")} download>
        Export JSON
      </a>
    </div>
  );
}
