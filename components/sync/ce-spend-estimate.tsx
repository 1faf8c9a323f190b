import type { CostExplorerSpendEstimate } from "~/server/ingest/schedule.service";
import { formatNumber } from "./format";

// What the schedule costs the payer accounts in Cost Explorer requests ($0.01 each), worked out
// from the last re-syncs' real counts, and labelled as the estimate it is.
export function CostExplorerEstimate({
  estimate,
  syncEveryHours,
}: {
  estimate: CostExplorerSpendEstimate | null;
  syncEveryHours: number | null;
}) {
  if (syncEveryHours === null) {
    return <p className="text-sm text-slate-600">No scheduled syncs: Cost Explorer is billed only for syncs started by hand.</p>;
  }
  if (!estimate) {
    return (
      <p className="text-sm text-slate-600">
        Estimated Cost Explorer spend: known after the second sync (the first one reads 13 months and is not what the schedule
        repeats).
      </p>
    );
  }
  return (
    <div className="text-sm text-slate-800">
      <p>
        Estimated Cost Explorer spend of this schedule: <strong className="tabular-nums">${estimate.usdPerMonth}</strong> a month,
        billed to the payer accounts.
      </p>
      <p className="text-xs text-slate-500">
        An estimate: {formatNumber(estimate.requestsPerSync)} {estimate.requestsPerSync === 1 ? "request" : "requests"} per sync
        (the average of the last {formatNumber(estimate.basedOnSyncs)} re-{estimate.basedOnSyncs === 1 ? "sync" : "syncs"}) ×{" "}
        {estimate.syncsPerMonth} syncs a month × $0.01 = {formatNumber(estimate.requestsPerMonth)} requests.
      </p>
    </div>
  );
}
