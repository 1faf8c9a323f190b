import Link from "next/link";
import { DateTime } from "~/components/ui/date-time";
import { environmentLabels, type MaturityFilters, plural, practicePath, STAGE_LEVEL, stages } from "./labels";
import { LevelChip } from "./level-chip";
import type { Environment, Overview, PracticeSummary, Stage } from "./types";

function scopeDescription(overview: Overview, accountName: (id: string) => string): string {
  const { environments, ouPaths, accountIds } = overview.scope;
  const parts = [
    environments ? environments.map((e) => environmentLabels[e as Environment] ?? e).join(" + ") : "all environments",
    ouPaths && `under ${ouPaths.join(", ")}`,
    accountIds && accountIds.map(accountName).join(", "),
  ].filter(Boolean);
  return parts.join(", ");
}

/** The practices keeping the organisation off the next rung. */
export function holdingBack(practices: PracticeSummary[], stage: Stage): PracticeSummary[] {
  return practices.filter((p) => p.stage <= stage && p.level !== null && p.level < STAGE_LEVEL);
}

// The one answer a leader comes for: which stage we are at, and what stands before the next.
export function StageSummary({
  workspace,
  overview,
  filters,
  accountName,
}: {
  workspace: string;
  overview: Overview;
  filters: MaturityFilters;
  accountName: (id: string) => string;
}) {
  const { stage } = overview;
  const next = stage < 5 ? ((stage + 1) as Stage) : null;
  const blockers = next ? holdingBack(overview.practices, next) : [];
  return (
    <section
      aria-labelledby="stage-heading"
      className="grid gap-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]"
    >
      <div>
        <h2 id="stage-heading" className="text-sm font-medium text-slate-600">
          Organisation stage
        </h2>
        <p className="mt-2 flex items-baseline gap-3">
          <span className="text-5xl font-semibold tracking-tight text-slate-900 tabular-nums" data-testid="org-stage">
            {stage}
          </span>
          <span className="text-sm text-slate-500">of 5</span>
        </p>
        <p className="mt-1 text-lg font-semibold text-slate-900">
          {stage === 0 ? "Not on the ladder yet" : `${stages[stage].name}`}
        </p>
        <p className="mt-3 text-xs leading-5 text-slate-500">
          {plural(overview.accountsInScope, "account")} in scope ({scopeDescription(overview, accountName)}) · evaluated{" "}
          <DateTime value={overview.evaluatedAt} withTime />
        </p>
      </div>
      <div className="md:border-l md:border-slate-200 md:pl-6">
        {next ? (
          <>
            <h3 className="text-sm font-semibold text-slate-900">
              To reach stage {next}, {stages[next].name}
            </h3>
            <p className="mt-1 text-sm text-slate-600">
              Every practice of {next === 1 ? "stage 1" : `stages 1 to ${next}`} needs level {STAGE_LEVEL} in all the accounts
              where it applies.
              {blockers.length === 0 && " Nothing holds this scope back."}
            </p>
            {blockers.length > 0 && (
              <ul className="mt-3 space-y-2">
                {blockers.map((practice) => (
                  <li key={practice.id} className="flex items-center gap-3 text-sm">
                    <LevelChip level={practice.level} />
                    <Link
                      href={practicePath(workspace, practice.id, filters)}
                      className="font-medium text-slate-900 underline-offset-2 hover:underline"
                    >
                      {practice.title}
                    </Link>
                    <span className="text-slate-500">
                      {practice.weakestAccountIds.length === practice.accountsCounted
                        ? `all ${plural(practice.accountsCounted, "account")} at level ${practice.level}`
                        : `${practice.weakestAccountIds.length} of ${plural(practice.accountsCounted, "account")} at level ${practice.level}`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <>
            <h3 className="text-sm font-semibold text-slate-900">Top of the ladder</h3>
            <p className="mt-1 text-sm text-slate-600">
              Every practice is at level {STAGE_LEVEL} or more. The next steps below raise practices towards level 4.
            </p>
          </>
        )}
      </div>
    </section>
  );
}
