import Link from "next/link";
import { Card, CardBody } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import type { IncidentFilters, IncidentsOverview } from "~/server/incidents/types";
import { DoraPanel } from "./dora-panel";
import { IncidentsFilters } from "./incidents-filters";
import { IncidentsHeadline } from "./headline";
import { PayOffPanel } from "./pay-off";
import { TrendPanel } from "./trend-panel";

const hasData = (overview: IncidentsOverview) =>
  overview.sources.length > 0 || overview.totals.incidents > 0 || overview.buckets.some((b) => b.deployments.total > 0);

// The whole Incidents page for one overview; the list, the comparison and the uploader are
// passed in, each loading on its own.
export function IncidentsView({
  overview,
  workspace,
  urlFilters,
  change,
  days,
  comparison,
  list,
  uploader,
}: {
  overview: IncidentsOverview;
  workspace: string;
  /** The filters as the URL gives them: links keep these, not the service's defaults. */
  urlFilters: IncidentFilters;
  change: string | null;
  days: number;
  comparison: React.ReactNode;
  list: React.ReactNode;
  uploader: React.ReactNode;
}) {
  if (!hasData(overview)) {
    return (
      <div className="space-y-6">
        <EmptyState title="No incidents or deployments yet">
          <p>
            Connect AWS accounts and sync (CloudWatch alarms, Incident Manager, CodeDeploy, FIS) on the{" "}
            <Link href={`/w/${workspace}/accounts`} className="text-sky-800 underline underline-offset-2">
              Accounts
            </Link>{" "}
            and{" "}
            <Link href={`/w/${workspace}/sync`} className="text-sky-800 underline underline-offset-2">
              Sync
            </Link>{" "}
            pages, or upload incidents from PagerDuty, Opsgenie or incident.io below.
          </p>
        </EmptyState>
        {uploader}
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <Card>
        <CardBody className="space-y-3">
          <IncidentsFilters workspace={workspace} overview={overview} urlTo={urlFilters.to} />
          <p className="text-sm text-slate-700">
            <span className="font-medium text-slate-900">Sources:</span>{" "}
            {overview.sources.length ? overview.sources.join(", ") : "none yet"}. Times and buckets are UTC.
          </p>
        </CardBody>
      </Card>
      <IncidentsHeadline overview={overview} />
      <TrendPanel overview={overview} />
      <DoraPanel dora={overview.dora} workspace={workspace} filters={urlFilters} />
      <PayOffPanel
        workspace={workspace}
        filters={urlFilters}
        suggestions={overview.suggestions}
        change={change}
        days={days}
        comparison={comparison}
      />
      {list}
      {uploader}
    </div>
  );
}
