"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "~/components/providers/trpc-provider";
import { EmptyMaturity } from "./empty-maturity";
import { accountLabel, maturityPath, type MaturityFilters } from "./labels";
import { Ladder } from "./ladder";
import { NextSteps } from "./next-steps";
import { StageSummary } from "./stage-summary";

const PRODUCTION: MaturityFilters = { environments: [], ouPaths: [], accountIds: [] };

// The workspace's landing page: production's stage, its ladder and the next steps, with the
// full maturity page (filters, history, export) one click away.
export function WorkspaceOverview({ workspace, since, canSync }: { workspace: string; since: string; canSync: boolean }) {
  const trpc = useTRPC();
  const { data: overview } = useSuspenseQuery(trpc.maturity.overview.queryOptions({ workspace, since }));
  if (!overview.evaluatedAt) return <EmptyMaturity workspace={workspace} canSync={canSync} />;
  const accounts = new Map(overview.filters.accounts.map((a) => [a.accountId, a]));
  const accountName = (id: string) => accountLabel(accounts.get(id), id);
  return (
    <div className="space-y-6">
      <StageSummary workspace={workspace} overview={overview} filters={PRODUCTION} accountName={accountName} />
      <Ladder workspace={workspace} stage={overview.stage} practices={overview.practices} filters={PRODUCTION} />
      <NextSteps
        workspace={workspace}
        steps={overview.nextSteps}
        practices={overview.practices}
        filters={PRODUCTION}
        accountName={accountName}
      />
      <p className="text-sm text-slate-600">
        Filters by OU, environment and account, what changed, the trend and exports are on the{" "}
        <Link href={maturityPath(workspace)} className="font-medium text-sky-800 underline underline-offset-2">
          Maturity page
        </Link>
        .
      </p>
    </div>
  );
}
