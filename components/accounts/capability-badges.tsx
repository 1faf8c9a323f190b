import { cn } from "~/components/ui/cn";
import { capabilityShortLabels } from "./labels";
import type { ProbeResult } from "./types";

// Each state differs by its mark as well as its colour, for people who cannot tell the colours apart.
const states = {
  ok: { mark: "✓", style: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  denied: { mark: "✗", style: "bg-red-50 text-red-800 ring-red-200" },
  error: { mark: "!", style: "bg-amber-50 text-amber-900 ring-amber-300" },
  skipped: { mark: "↑", style: "bg-slate-100 text-slate-700 ring-slate-300" },
} as const;

function explain(result: ProbeResult): string {
  if (result.status === "ok") return "working";
  if (result.status === "denied") return `denied, missing permission ${result.action}`;
  if (result.status === "skipped") return "via management account";
  return `error: ${result.message ?? result.action}`;
}

// Small badges, the reason in their text for screen readers and, for everyone else, in a
// disclosure that opens by click, tap or keyboard (a hover tooltip reaches only mouse users).
export function CapabilityBadges({ results }: { results: ProbeResult[] }) {
  if (!results.length) return <span className="text-xs text-slate-500">Not checked yet</span>;
  const notWorking = results.filter((result) => result.status !== "ok");
  return (
    <div>
      <ul className="flex flex-wrap gap-1" aria-label="Capabilities">
        {results.map((result) => {
          const label = capabilityShortLabels[result.capability] ?? result.capability;
          const state = states[result.status];
          return (
            <li
              key={result.capability}
              className={cn(
                "inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset",
                state.style,
              )}
            >
              <span aria-hidden="true">{state.mark}</span>
              {label}
              <span className="sr-only">: {explain(result)}</span>
            </li>
          );
        })}
      </ul>
      {notWorking.length > 0 && (
        <details className="group mt-1.5 text-xs text-slate-700">
          <summary className="w-fit cursor-pointer rounded font-medium text-slate-700 underline underline-offset-2 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-slate-900">
            <span className="group-open:hidden">Show reasons</span>
            <span className="hidden group-open:inline">Hide reasons</span>
          </summary>
          <ul className="mt-1 space-y-0.5 wrap-anywhere">
            {notWorking.map((result) => (
              <li key={result.capability}>
                <span className="font-medium text-slate-900">
                  {capabilityShortLabels[result.capability] ?? result.capability}
                </span>
                : {explain(result)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
