import { Badge } from "~/components/ui/badge";
import { Card, CardHeader } from "~/components/ui/card";
import { CheckMeta, WhyAndFix } from "./check-meta";
import { CheckResults, StatusCounts } from "./check-results";
import { plural } from "./labels";
import type { CheckLevel, PracticeCheckView, PracticeView } from "./types";

const holdsBack = (check: PracticeCheckView) =>
  check.results.some((r) => !r.waiver && (r.status === "fail" || r.status === "error" || r.status === "no_data"));

// Every check of the practice under the level it unlocks, with its result in each account in
// scope. Checks that hold an account back come first and show why and how to fix; the rest
// keep it one click away.
export function PracticeChecks({
  workspace,
  view,
  accountName,
}: {
  workspace: string;
  view: PracticeView;
  accountName: (id: string) => string;
}) {
  return (
    <div className="space-y-6">
      {view.practice.levels
        .filter((l) => l.level > 0)
        .map((level) => {
          const checks = view.checks
            .filter((c) => c.level === (level.level as CheckLevel))
            .sort((a, b) => Number(holdsBack(b)) - Number(holdsBack(a)));
          if (!checks.length) return null;
          const failing = checks.filter(holdsBack).length;
          const isReached = view.level !== null && view.level >= level.level;
          return (
            <Card key={level.level} className="overflow-hidden">
              <CardHeader
                title={`Level ${level.level} · ${level.title}`}
                description={level.meaning}
                action={
                  isReached ? (
                    <Badge tone="green">Reached</Badge>
                  ) : failing > 0 ? (
                    <Badge tone="red">{plural(failing, "check")} not passing</Badge>
                  ) : (
                    <Badge>Not reached: a lower level is missing</Badge>
                  )
                }
              />
              <ul className="divide-y divide-slate-100">
                {checks.map((check) => (
                  <li key={check.id} id={`check-${check.id}`} className="scroll-mt-6 space-y-3 px-5 py-4">
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <div className="min-w-0">
                        <h3 className="text-sm font-semibold text-slate-900">{check.title}</h3>
                        <div className="mt-1">
                          <CheckMeta check={check} />
                        </div>
                      </div>
                      <StatusCounts counts={check.counts} waived={check.waived} />
                    </div>
                    {holdsBack(check) ? (
                      <WhyAndFix check={check} />
                    ) : (
                      <details className="group">
                        <summary className="cursor-pointer text-xs font-medium text-slate-600 hover:text-slate-900">
                          Why it matters and how to fix
                        </summary>
                        <div className="mt-2">
                          <WhyAndFix check={check} />
                        </div>
                      </details>
                    )}
                    <CheckResults workspace={workspace} check={check} accountName={accountName} />
                  </li>
                ))}
              </ul>
            </Card>
          );
        })}
    </div>
  );
}
