"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Card, CardBody } from "~/components/ui/card";
import { DateTime } from "~/components/ui/date-time";
import { PageHeader } from "~/components/ui/page-header";
import { Breadcrumbs } from "./breadcrumbs";
import { EmptyMaturity } from "./empty-maturity";
import { accountLabel, type MaturityFilters, maturityPath, plural, practicePath, shownEnvironments, stages } from "./labels";
import { LevelChip } from "./level-chip";
import { PracticeAccounts } from "./practice-accounts";
import { PracticeChecks } from "./practice-checks";
import { PracticeLevels } from "./practice-levels";
import { ScopeFilters } from "./scope-filters";
import type { PracticeId, ScopeInput } from "./types";

export function PracticePanel({
  workspace,
  practiceId,
  filters,
  scope,
  canSync,
}: {
  workspace: string;
  practiceId: PracticeId;
  filters: MaturityFilters;
  scope: ScopeInput | undefined;
  canSync: boolean;
}) {
  const trpc = useTRPC();
  const { data: view } = useSuspenseQuery(trpc.maturity.practice.queryOptions({ workspace, practiceId, scope }));
  const { practice } = view;
  const accounts = new Map(view.filters.accounts.map((a) => [a.accountId, a]));
  const accountName = (id: string) => accountLabel(accounts.get(id), id);
  const levelTitle = view.level === null ? null : practice.levels.find((l) => l.level === view.level)?.title;

  return (
    <>
      <Breadcrumbs items={[{ label: "Maturity", href: maturityPath(workspace, filters) }, { label: practice.title }]} />
      <PageHeader
        title={practice.title}
        description={
          <>
            Practice {practice.number} · stage {practice.stage}, {stages[practice.stage].name}. {practice.outcome.summary}
          </>
        }
        action={
          <div className="flex items-center gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
            <LevelChip level={view.level} size="lg" />
            <div>
              <p className="text-xs text-slate-500">Organisation level</p>
              <p className="text-sm font-semibold text-slate-900" data-testid="practice-level-title">
                {levelTitle ?? "Does not apply in this scope"}
              </p>
            </div>
          </div>
        }
      />
      {!view.evaluatedAt ? (
        <EmptyMaturity workspace={workspace} canSync={canSync} />
      ) : (
        <div className="space-y-6">
          <Card>
            <CardBody>
              <ScopeFilters
                action={practicePath(workspace, practiceId)}
                filters={filters}
                options={view.filters}
                shownEnvironments={shownEnvironments(filters)}
              />
              <p className="mt-3 text-xs text-slate-500">
                {plural(view.accounts.length, "account")} in scope · evaluated <DateTime value={view.evaluatedAt} withTime />
              </p>
            </CardBody>
          </Card>
          <PracticeLevels view={view} />
          <PracticeAccounts workspace={workspace} view={view} />
          <PracticeChecks workspace={workspace} view={view} accountName={accountName} />
        </div>
      )}
    </>
  );
}
