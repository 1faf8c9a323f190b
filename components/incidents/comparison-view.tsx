import { Badge } from "~/components/ui/badge";
import { cn } from "~/components/ui/cn";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import type { Comparison, RatioEstimate } from "~/server/incidents/types";
import {
  formatCount,
  formatDuration,
  formatInterval,
  formatPer100,
  formatPercent,
  formatPoints,
  formatRatio,
  formatUtc,
  verdictLabels,
  verdictTones,
} from "./format";

function Change({ estimate, kind }: { estimate: RatioEstimate; kind: "ratio" | "difference" }) {
  const value = kind === "ratio" ? formatRatio(estimate.ratio) : formatPoints(estimate.ratio);
  return (
    <div className="space-y-1">
      <span className="block font-semibold text-slate-900 tabular-nums">{value}</span>
      <span className="block text-xs text-slate-600">95% interval: {formatInterval(estimate, kind)}</span>
      <Badge tone={verdictTones[estimate.verdict]}>{verdictLabels[estimate.verdict]}</Badge>
      <span className="block text-xs text-slate-600">{estimate.method}</span>
    </div>
  );
}

const day = (iso: string) => formatUtc(iso.length === 10 ? `${iso}T00:00:00Z` : iso, false);

/** The same window before and after a change: both sides' counts, the ratios with their intervals, the verdict in words. */
export function ComparisonView({ comparison }: { comparison: Comparison }) {
  const { before, after } = comparison;
  const isTooFew = [comparison.incidentRate, comparison.changeFailureRate, comparison.restore].every(
    (e) => e.verdict === "too-few",
  );
  const someTooFew = [comparison.incidentRate, comparison.changeFailureRate, comparison.restore].some(
    (e) => e.verdict === "too-few",
  );
  return (
    <section aria-labelledby="comparison-title" className="space-y-4">
      <div>
        <h3 id="comparison-title" className="text-base font-semibold text-slate-900">
          {comparison.change.title}
        </h3>
        <p className="text-sm text-slate-600">
          {comparison.windowDays} days before and after {formatUtc(comparison.change.at)}
        </p>
      </div>
      <div
        role="status"
        className={cn(
          "rounded-md border px-4 py-3 text-sm",
          isTooFew ? "border-amber-300 bg-amber-50 text-amber-950" : "border-slate-200 bg-slate-50 text-slate-800",
        )}
      >
        {isTooFew && <p className="text-base font-semibold">Too few to tell</p>}
        <p className={cn(isTooFew ? "mt-1" : "font-medium")}>{comparison.summary}</p>
        {someTooFew && !isTooFew && (
          <p className="mt-1 text-xs">Figures marked “Too few to tell” rest on too few events for a conclusion either way.</p>
        )}
      </div>
      <Table caption={`Before and after: ${comparison.change.title}`} className="rounded-md border border-slate-200">
        <thead>
          <tr>
            <Th className="normal-case">Figure</Th>
            <Th className="normal-case">
              Before{" "}
              <span className="font-normal">
                ({day(before.from)} – {day(before.to)})
              </span>
            </Th>
            <Th className="normal-case">
              After{" "}
              <span className="font-normal">
                ({day(after.from)} – {day(after.to)})
              </span>
            </Th>
            <Th className="min-w-48 normal-case">Change (after vs before)</Th>
          </tr>
        </thead>
        <TBody>
          <tr className="align-top">
            <th scope="row" className="px-4 py-3 text-left font-medium text-slate-900">
              Incidents per 100 deployments
            </th>
            <Td className="tabular-nums">
              {formatPer100(before.incidentsPer100Deployments)}
              <span className="block text-xs text-slate-600">
                {formatCount(before.incidents)} incidents, {formatCount(before.deployments)} deployments
              </span>
            </Td>
            <Td className="tabular-nums">
              {formatPer100(after.incidentsPer100Deployments)}
              <span className="block text-xs text-slate-600">
                {formatCount(after.incidents)} incidents, {formatCount(after.deployments)} deployments
              </span>
            </Td>
            <Td>
              <Change estimate={comparison.incidentRate} kind="ratio" />
            </Td>
          </tr>
          <tr className="align-top">
            <th scope="row" className="px-4 py-3 text-left font-medium text-slate-900">
              Change failure rate
            </th>
            <Td className="tabular-nums">
              {formatPercent(before.changeFailureRate)}
              <span className="block text-xs text-slate-600">
                {formatCount(before.failedDeployments)} of {formatCount(before.deployments)} failed
              </span>
            </Td>
            <Td className="tabular-nums">
              {formatPercent(after.changeFailureRate)}
              <span className="block text-xs text-slate-600">
                {formatCount(after.failedDeployments)} of {formatCount(after.deployments)} failed
              </span>
            </Td>
            <Td>
              <Change estimate={comparison.changeFailureRate} kind="difference" />
            </Td>
          </tr>
          <tr className="align-top">
            <th scope="row" className="px-4 py-3 text-left font-medium text-slate-900">
              Median time to restore
            </th>
            <Td className="tabular-nums">
              {formatDuration(before.restore.median)}
              <span className="block text-xs text-slate-600">
                n = {before.restore.n}
                {before.restore.open ? `; ${before.restore.open} still open` : ""}
              </span>
            </Td>
            <Td className="tabular-nums">
              {formatDuration(after.restore.median)}
              <span className="block text-xs text-slate-600">
                n = {after.restore.n}
                {after.restore.open ? `; ${after.restore.open} still open` : ""}
              </span>
            </Td>
            <Td>
              <Change estimate={comparison.restore} kind="ratio" />
            </Td>
          </tr>
        </TBody>
      </Table>
    </section>
  );
}
