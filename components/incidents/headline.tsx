import { Card, CardBody } from "~/components/ui/card";
import { cn } from "~/components/ui/cn";
import type { IncidentsOverview } from "~/server/incidents/types";
import { formatCount, formatDuration, formatUtc, NO_DATA } from "./format";

function Figure({ label, value, note }: { label: string; value: string; note?: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd>
        <span
          className={cn(
            "block text-2xl font-semibold tabular-nums",
            value === NO_DATA ? "text-slate-600 italic" : "text-slate-900",
          )}
        >
          {value}
        </span>
        {note && <span className="mt-0.5 block text-xs text-slate-600">{note}</span>}
      </dd>
    </div>
  );
}

/** The range's headline: counted once per incident, restore as median and p90 with what they rest on. */
export function IncidentsHeadline({ overview }: { overview: IncidentsOverview }) {
  const { totals, filters } = overview;
  const { restore } = totals;
  const range = `${formatUtc(`${filters.from}T00:00:00Z`, false)} to ${formatUtc(`${filters.to}T00:00:00Z`, false)} (UTC, end excluded)`;
  const basis = restore.n
    ? `n = ${restore.n} resolved${restore.open ? `; ${restore.open} still open, left out` : ""}`
    : restore.open
      ? `no resolved incident; ${restore.open} still open`
      : "no resolved incident";
  return (
    <Card>
      <CardBody>
        <dl className="grid gap-x-6 gap-y-5 sm:grid-cols-2 lg:grid-cols-4">
          <Figure
            label="Incidents in range"
            value={formatCount(totals.incidents)}
            note={
              <>
                {range}
                {totals.duplicatesMerged > 0 && (
                  <>
                    ; {formatCount(totals.duplicatesMerged)} duplicate{totals.duplicatesMerged === 1 ? "" : "s"} from a second
                    source merged
                  </>
                )}
              </>
            }
          />
          <Figure label="Open now" value={formatCount(overview.openNow)} note="Not resolved at this moment, in any range" />
          <Figure label="Median time to restore" value={formatDuration(restore.median)} note={basis} />
          <Figure
            label="p90 time to restore"
            value={formatDuration(restore.p90)}
            note={`9 in 10 restored within this; ${basis}`}
          />
        </dl>
      </CardBody>
    </Card>
  );
}
