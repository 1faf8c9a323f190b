import { Card, CardBody } from "~/components/ui/card";
import type { FinOpsOverview } from "~/server/finops/types";
import { BreakdownTable } from "./breakdown-table";
import { CommitmentsPanel } from "./commitments";
import { EmptyFinOps } from "./empty-finops";
import { FinOpsFilters } from "./finops-filters";
import { FocusUpload } from "./focus-upload";
import { HeadlineCard, MonthToDateCard } from "./headline";
import { KarpenterRiCallout } from "./karpenter-callout";
import { NodePoolsTable } from "./node-pools";
import { finopsPath } from "./paths";
import { SourceLine } from "./source-line";
import { TrendPanel } from "./trend-panel";

// The whole FinOps page for one overview: every figure comes from the service as it is shown.
export function FinOpsView({
  overview,
  workspace,
  canUpload,
}: {
  overview: FinOpsOverview;
  workspace: string;
  canUpload: boolean;
}) {
  const uploader = <FocusUpload workspace={workspace} canUpload={canUpload} />;
  if (overview.source.kind === "none") return <EmptyFinOps workspace={workspace} uploader={uploader} />;
  const { filters } = overview;
  return (
    <div className="space-y-6">
      <Card>
        <CardBody className="space-y-4">
          <FinOpsFilters action={finopsPath(workspace)} overview={overview} />
          <SourceLine source={overview.source} />
        </CardBody>
      </Card>
      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <HeadlineCard headline={overview.headline} workspace={workspace} filters={filters} />
        {overview.monthToDate && (
          <MonthToDateCard
            headline={overview.monthToDate}
            workspace={workspace}
            filters={{ ...filters, period: "mtd" }}
            leversHref={finopsPath(workspace, { ...filters, period: "mtd" })}
          />
        )}
      </div>
      <TrendPanel trend={overview.trend} karpenterArrived={overview.karpenterArrived} workspace={workspace} filters={filters} />
      {overview.karpenterRiCallout && <KarpenterRiCallout callout={overview.karpenterRiCallout} />}
      <NodePoolsTable rows={overview.nodePools} workspace={workspace} filters={filters} />
      <CommitmentsPanel commitments={overview.commitments} workspace={workspace} filters={filters} />
      <BreakdownTable
        title="By account"
        nameLabel="Account"
        rows={overview.byAccount}
        workspace={workspace}
        table="accounts"
        filters={filters}
      />
      <BreakdownTable title="By OU" nameLabel="OU" rows={overview.byOu} workspace={workspace} table="ous" filters={filters} />
      <BreakdownTable
        title="By environment"
        nameLabel="Environment"
        rows={overview.byEnvironment}
        workspace={workspace}
        table="environments"
        filters={filters}
      />
      {uploader}
    </div>
  );
}
