import Link from "next/link";
import { Card, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { type MaturityFilters, plural, practicePath, resultPath } from "./labels";
import type { NextStep, PracticeSummary } from "./types";

const SHOWN = 6;

// Ranked by the server: earliest stage first, then reach, then the outcome the seed ties to
// the practice. The first steps are the ones to staff this month.
export function NextSteps({
  workspace,
  steps,
  practices,
  filters,
  accountName,
}: {
  workspace: string;
  steps: NextStep[];
  practices: PracticeSummary[];
  filters: MaturityFilters;
  accountName: (id: string) => string;
}) {
  const titles = new Map(practices.map((p) => [p.id, p.title]));
  const first = steps.slice(0, SHOWN);
  const rest = steps.slice(SHOWN);
  const item = (step: NextStep, index: number) => (
    <StepItem
      key={step.checkId}
      rank={index + 1}
      step={step}
      workspace={workspace}
      practiceTitle={titles.get(step.practiceId) ?? step.practiceId}
      practiceHref={practicePath(workspace, step.practiceId, filters)}
      accountName={accountName}
    />
  );
  return (
    <Card>
      <CardHeader
        title="Next steps"
        description="The checks holding accounts below their next level, earliest stage first, then the most accounts affected."
      />
      {steps.length === 0 ? (
        <div className="p-5">
          <EmptyState title="Nothing to do in this scope">Every practice is at level 4 in every account in scope.</EmptyState>
        </div>
      ) : (
        <>
          <ol className="divide-y divide-slate-100">{first.map(item)}</ol>
          {rest.length > 0 && (
            <details className="group border-t border-slate-200">
              <summary className="cursor-pointer px-5 py-3 text-sm font-medium text-slate-700 hover:bg-slate-50">
                <span className="group-open:hidden">Show {plural(rest.length, "more step")}</span>
                <span className="hidden group-open:inline">Show fewer</span>
              </summary>
              <ol className="divide-y divide-slate-100 border-t border-slate-100">
                {rest.map((step, i) => item(step, i + SHOWN))}
              </ol>
            </details>
          )}
        </>
      )}
    </Card>
  );
}

function StepItem({
  rank,
  step,
  workspace,
  practiceTitle,
  practiceHref,
  accountName,
}: {
  rank: number;
  step: NextStep;
  workspace: string;
  practiceTitle: string;
  practiceHref: string;
  accountName: (id: string) => string;
}) {
  const names = step.accountIds.map(accountName);
  const firstAccount = step.accountIds[0];
  return (
    <li className="grid grid-cols-[2rem_minmax(0,1fr)] gap-x-3 px-5 py-4 wrap-anywhere sm:grid-cols-[2rem_minmax(0,1fr)_11rem]">
      <span className="text-lg font-semibold text-slate-500 tabular-nums">{rank}</span>
      <div className="min-w-0">
        <p className="text-sm font-semibold text-slate-900">
          {firstAccount ? (
            <Link href={resultPath(workspace, step.checkId, firstAccount)} className="underline-offset-2 hover:underline">
              {step.title}
            </Link>
          ) : (
            step.title
          )}
          {step.antiPattern && (
            <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">anti-pattern</span>
          )}
        </p>
        <p className="mt-0.5 text-xs text-slate-500">
          <Link href={practiceHref} className="font-medium text-slate-700 underline-offset-2 hover:underline">
            {practiceTitle}
          </Link>{" "}
          · stage {step.stage} · unlocks level {step.level}
        </p>
        <p className="mt-2 text-sm text-slate-700">
          <span className="font-medium text-slate-900">Fix: </span>
          {step.fix}
        </p>
      </div>
      <p className="col-start-2 mt-2 text-sm text-slate-700 sm:col-start-3 sm:mt-0 sm:text-right" title={names.join(", ")}>
        <span className="font-semibold text-slate-900 tabular-nums">{step.accountIds.length}</span>{" "}
        {step.accountIds.length === 1 ? "account" : "accounts"}
        <span className="line-clamp-2 block text-xs text-slate-500">{names.slice(0, 3).join(", ")}</span>
        {names.length > 3 && <span className="block text-xs text-slate-500">and {names.length - 3} more</span>}
      </p>
    </li>
  );
}
