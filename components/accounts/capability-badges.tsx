import { cn } from "~/components/ui/cn";
import { capabilityShortLabels } from "./labels";
import type { ProbeResult } from "./types";

const styles = {
  ok: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  denied: "bg-red-50 text-red-700 ring-red-200",
  error: "bg-amber-50 text-amber-800 ring-amber-200",
  skipped: "bg-slate-100 text-slate-500 ring-slate-200",
} as const;

function explain(result: ProbeResult): string {
  if (result.status === "ok") return "working";
  if (result.status === "denied") return `denied, missing permission ${result.action}`;
  if (result.status === "skipped") return "via management account";
  return `error: ${result.message ?? result.action}`;
}

// Small badges with the reason in a tooltip and, for screen readers, in the text itself.
export function CapabilityBadges({ results }: { results: ProbeResult[] }) {
  if (!results.length) return <span className="text-xs text-slate-400">Not checked yet</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Capabilities">
      {results.map((result) => {
        const label = capabilityShortLabels[result.capability] ?? result.capability;
        const reason = explain(result);
        return (
          <li
            key={result.capability}
            title={`${label}: ${reason}`}
            className={cn(
              "inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset",
              styles[result.status],
            )}
          >
            {result.status === "denied" && <span aria-hidden="true">✗&nbsp;</span>}
            {label}
            <span className="sr-only">: {reason}</span>
          </li>
        );
      })}
    </ul>
  );
}
