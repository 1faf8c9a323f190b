"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Card, CardBody } from "~/components/ui/card";
import { ChangesSince } from "./changes-since";
import { EmptyMaturity } from "./empty-maturity";
import { accountLabel, type MaturityFilters, maturityPath } from "./labels";
import { Ladder } from "./ladder";
import { NextSteps } from "./next-steps";
import { ScopeFilters } from "./scope-filters";
import { StageSummary } from "./stage-summary";
import { Trend } from "./trend";
import type { ScopeInput } from "./types";

export function OverviewPanel({
  workspace,
  filters,
  scope,
  since,
  canSync,
}: {
  workspace: string;
  filters: MaturityFilters;
  scope: ScopeInput | undefined;
  since: string;
  canSync: boolean;
}) {
  const trpc = useTRPC();
  const { data: overview } = useSuspenseQuery(trpc.maturity.overview.queryOptions({ workspace, scope, since }));
  if (!overview.evaluatedAt) return <EmptyMaturity workspace={workspace} canSync={canSync} />;

  const accounts = new Map(overview.filters.accounts.map((a) => [a.accountId, a]));
  const accountName = (id: string) => accountLabel(accounts.get(id), id);
  const action = maturityPath(workspace);
  return (
    <div className="space-y-6">
      <Card>
        <CardBody>
          <ScopeFilters
            action={action}
            filters={filters}
            options={overview.filters}
            shownEnvironments={overview.scope.environments}
            keep={{ since }}
          />
        </CardBody>
      </Card>
      <StageSummary workspace={workspace} overview={overview} filters={filters} accountName={accountName} />
      <Ladder workspace={workspace} stage={overview.stage} practices={overview.practices} filters={filters} />
      <NextSteps
        workspace={workspace}
        steps={overview.nextSteps}
        practices={overview.practices}
        filters={filters}
        accountName={accountName}
      />
      <ChangesSince
        workspace={workspace}
        action={action}
        since={since}
        changes={overview.changes}
        practices={overview.practices}
        stage={overview.stage}
        filters={filters}
        accountName={accountName}
      />
      <Trend trend={overview.trend} practices={overview.practices} />
    </div>
  );
}
