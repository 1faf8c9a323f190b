import Link from "next/link";
import { Card, CardHeader } from "~/components/ui/card";
import { cn } from "~/components/ui/cn";
import type { IncidentOutcomes } from "~/server/incidents/types";
import { formatCount, formatDuration, formatPercent, NO_DATA } from "./format";
import { incidentsPath } from "./paths";

function Figure({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <div>
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd>
        <span
          className={cn(
            "block text-xl font-semibold tabular-nums",
            value === NO_DATA ? "text-slate-600 italic" : "text-slate-900",
          )}
        >
          {value}
        </span>
        <span className="block text-xs text-slate-600">{note}</span>
      </dd>
    </div>
  );
}

function difference(incidents: IncidentOutcomes["incidents"]): string {
  if (incidents === null) return "No incident source has reported yet";
  const { recent, previous } = incidents;
  if (recent === previous) return "the same as the 30 days before";
  return `${recent > previous ? "up" : "down"} from ${formatCount(previous)} in the 30 days before`;
}

/** The overview's outcomes tile: the last 30 days against the 30 before, with the counts behind each figure. */
export function OutcomesTileView({ workspace, outcomes }: { workspace: string; outcomes: IncidentOutcomes }) {
  const link = (
    <Link href={incidentsPath(workspace)} className="text-sm font-medium text-sky-800 underline underline-offset-2">
      Open Incidents
    </Link>
  );
  const { incidents, restore, changeFailureRate: cfr } = outcomes;
  return (
    <Card>
      <CardHeader title="Outcomes" description="Incidents and failed changes in the last 30 days (UTC)." action={link} />
      <dl className="grid gap-x-6 gap-y-4 px-5 py-4 sm:grid-cols-3">
        <Figure
          label="Incidents, last 30 days"
          value={incidents === null ? NO_DATA : formatCount(incidents.recent)}
          note={difference(incidents)}
        />
        <Figure
          label="Median time to restore"
          value={formatDuration(restore.median)}
          note={`n = ${restore.n} resolved${restore.open ? `; ${restore.open} still open` : ""}`}
        />
        <Figure
          label="Change failure rate"
          value={formatPercent(cfr.value)}
          note={
            cfr.value === null
              ? "No deployments in the last 30 days"
              : `${cfr.failed} of ${cfr.deployments} deployments; ${cfr.failureWindowHours} h window`
          }
        />
      </dl>
    </Card>
  );
}
