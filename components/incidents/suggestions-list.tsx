import Link from "next/link";
import { Badge } from "~/components/ui/badge";
import { cn } from "~/components/ui/cn";
import type { ChangeKind, ChangeSuggestion, IncidentFilters } from "~/server/incidents/types";
import { formatUtc } from "./format";
import { incidentsPath } from "./paths";

const kindLabels: Record<ChangeKind, string> = {
  maturity: "Maturity change",
  canary: "Canary deployments",
  "first-chaos": "First chaos experiment",
};

/** The changes Ladder suggests looking at; each is a link (?change=…), so a comparison can be shared. */
export function SuggestionsList({
  suggestions,
  chosen,
  workspace,
  filters,
  days,
}: {
  suggestions: ChangeSuggestion[];
  chosen: string | null;
  workspace: string;
  filters: IncidentFilters;
  days: number;
}) {
  if (!suggestions.length) {
    return (
      <p className="text-sm text-slate-600">
        No change to compare yet: Ladder suggests one when a practice reaches a level, canary deployments arrive on a deployment
        group, or a service has its first chaos experiment.
      </p>
    );
  }
  return (
    <ul className="space-y-2" aria-label="Suggested changes">
      {suggestions.map((s) => {
        const isChosen = s.id === chosen;
        return (
          <li key={s.id}>
            <Link
              href={`${incidentsPath(workspace, filters, { change: s.id, days })}#pay-off`}
              scroll={false}
              aria-current={isChosen ? "true" : undefined}
              className={cn(
                "block rounded-md border px-3 py-2 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-slate-900",
                isChosen ? "border-slate-900 bg-slate-50" : "border-slate-200",
              )}
            >
              <span className="flex flex-wrap items-center gap-2">
                <Badge tone="blue">{kindLabels[s.kind]}</Badge>
                <span className="font-medium text-slate-900">{s.title}</span>
              </span>
              <span className="mt-1 block text-xs text-slate-600">
                {formatUtc(s.at)}
                {s.reason && ` · ${s.reason}`}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
