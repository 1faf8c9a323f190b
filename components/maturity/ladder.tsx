import Link from "next/link";
import { Card, CardHeader } from "~/components/ui/card";
import { cn } from "~/components/ui/cn";
import { type MaturityFilters, plural, practicePath, stageNumbers, stages } from "./labels";
import { LevelChip, LevelLegend, LevelMeter } from "./level-chip";
import type { PracticeSummary, Stage } from "./types";

// The seed's five stages drawn as rungs, the top one first, each practice of a stage on it.
export function Ladder({
  workspace,
  stage,
  practices,
  filters,
}: {
  workspace: string;
  stage: 0 | Stage;
  practices: PracticeSummary[];
  filters: MaturityFilters;
}) {
  return (
    <Card>
      <CardHeader
        title="The ladder"
        description="Each practice at the level of its weakest account in scope. Open a practice for its checks and evidence."
      />
      <ol className="divide-y divide-slate-100" aria-label="Maturity stages, highest first">
        {[...stageNumbers].reverse().map((number) => {
          const isReached = number <= stage;
          const isNext = number === stage + 1;
          return (
            <li
              key={number}
              aria-label={`Stage ${number}: ${stages[number].name}`}
              className={cn("grid gap-3 px-5 py-4 sm:grid-cols-[12rem_minmax(0,1fr)]", isNext && "bg-sky-50/50")}
            >
              <div className="flex items-start gap-3">
                <span
                  className={cn(
                    "mt-0.5 inline-flex size-7 shrink-0 items-center justify-center rounded-full text-sm font-semibold",
                    isReached ? "bg-emerald-700 text-white" : isNext ? "bg-sky-700 text-white" : "bg-slate-100 text-slate-600",
                  )}
                  aria-hidden="true"
                >
                  {isReached ? "✓" : number}
                </span>
                <div>
                  <p className="text-sm font-semibold text-slate-900">
                    {number}. {stages[number].name}
                  </p>
                  <p className="text-xs text-slate-500">
                    {stages[number].when} · {isReached ? "reached" : isNext ? "next" : "not yet"}
                  </p>
                </div>
              </div>
              <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
                {practices
                  .filter((p) => p.stage === number)
                  .map((practice) => (
                    <li key={practice.id}>
                      <RungItem href={practicePath(workspace, practice.id, filters)} practice={practice} />
                    </li>
                  ))}
              </ul>
            </li>
          );
        })}
      </ol>
      <div className="border-t border-slate-200 px-5 py-3">
        <LevelLegend />
      </div>
    </Card>
  );
}

function RungItem({ href, practice }: { href: string; practice: PracticeSummary }) {
  return (
    <Link
      href={href}
      data-testid={`rung-${practice.id}`}
      className="flex h-full items-start gap-3 rounded-md border border-slate-200 bg-white px-3 py-2.5 transition-colors hover:border-slate-400 focus-visible:outline-2 focus-visible:outline-slate-900"
    >
      <LevelChip level={practice.level} size="lg" />
      <span className="min-w-0">
        <span className="block text-sm leading-5 font-medium text-slate-900">{practice.title}</span>
        <span className="mt-0.5 block text-xs text-slate-600" data-testid="level-title">
          {practice.level === null ? "Applies to no account in scope" : practice.levelTitle}
        </span>
        <span className="mt-1.5 flex items-center gap-2">
          <LevelMeter level={practice.level} />
          {practice.level !== null && practice.weakestAccountIds.length < practice.accountsCounted && (
            <span
              className="text-xs whitespace-nowrap text-slate-500"
              title={`${practice.weakestAccountIds.length} of ${plural(practice.accountsCounted, "account")} at level ${practice.level}; the others are higher`}
            >
              held by {practice.weakestAccountIds.length} of {practice.accountsCounted}
            </span>
          )}
        </span>
      </span>
    </Link>
  );
}
