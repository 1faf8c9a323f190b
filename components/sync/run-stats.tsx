import { formatNumber } from "./format";
import type { SyncRun } from "./types";

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-md border border-slate-200 px-4 py-3">
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">{value}</dd>
      {hint && <dd className="text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}

export function RunStats({ run }: { run: SyncRun }) {
  const apiCalls = Object.values(run.apiCalls).reduce((n, c) => n + c, 0);
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label="Rows inserted" value={formatNumber(run.rowsInserted)} />
        <Stat label="Rows updated" value={formatNumber(run.rowsUpdated)} />
        <Stat label="Rows deleted" value={formatNumber(run.rowsDeleted)} hint="Only where a fetch fully succeeded" />
        <Stat label="AWS API calls" value={formatNumber(apiCalls)} hint="Retries included" />
      </dl>
      <p className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700">
        <span className="font-medium text-slate-900">
          Cost Explorer: {formatNumber(run.ceRequests)} {run.ceRequests === 1 ? "request" : "requests"} (${run.ceCostUsd} billed
          to the payer account)
        </span>
        <span className="block text-xs text-slate-500">
          AWS bills $0.01 for every Cost Explorer API request, each page included; Ladder reads cost once per organisation, from
          the payer, and only the days it does not have yet.
        </span>
      </p>
    </div>
  );
}
