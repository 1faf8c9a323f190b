"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "~/components/providers/trpc-provider";
import { cn } from "~/components/ui/cn";
import type { ProbeResult } from "../types";

const marks = {
  ok: { symbol: "✓", label: "Working", className: "bg-emerald-100 text-emerald-700" },
  denied: { symbol: "✗", label: "Denied", className: "bg-red-100 text-red-700" },
  error: { symbol: "!", label: "Error", className: "bg-amber-100 text-amber-800" },
  skipped: { symbol: "–", label: "Skipped", className: "bg-slate-100 text-slate-500" },
} as const;

function detail(result: ProbeResult): string | null {
  if (result.status === "denied") return `Missing permission: ${result.action}`;
  return result.message ?? null;
}

// One row per capability: what Ladder tried, and what that means for the data it can show.
export function CapabilityChecklist({ workspace, results }: { workspace: string; results: ProbeResult[] }) {
  const trpc = useTRPC();
  const { data: specs } = useSuspenseQuery(trpc.accounts.capabilities.queryOptions({ workspace }));
  const gaps = results.filter((r) => r.status === "denied" || r.status === "error").length;

  return (
    <section aria-labelledby="capability-checklist-heading">
      <h3 id="capability-checklist-heading" className="text-sm font-semibold text-slate-900">
        What Ladder can read
      </h3>
      <p className="mt-1 text-sm text-slate-600">
        {gaps === 0
          ? "Every capability the role was checked for works."
          : `${gaps === 1 ? "One capability is" : `${gaps} capabilities are`} not available: add the missing ${gaps === 1 ? "permission" : "permissions"} to the role, then re-verify the account from the list. Until then the data ${gaps === 1 ? "it unlocks stays" : "they unlock stay"} empty.`}
      </p>
      <ul className="mt-3 divide-y divide-slate-100 rounded-md border border-slate-200">
        {results.map((result) => {
          const spec = specs[result.capability];
          const mark = marks[result.status];
          const text = detail(result);
          return (
            <li key={result.capability} className="flex gap-3 px-4 py-3">
              <span
                aria-hidden="true"
                className={cn(
                  "mt-0.5 inline-flex size-6 shrink-0 items-center justify-center rounded-full text-sm font-bold",
                  mark.className,
                )}
              >
                {mark.symbol}
              </span>
              <div className="min-w-0">
                <p className="text-sm font-medium text-slate-900">
                  {spec?.title ?? result.capability}
                  <span className="sr-only">: {mark.label}</span>
                </p>
                {spec && <p className="text-xs text-slate-600">{spec.unlocks}</p>}
                {text && (
                  <p
                    className={cn(
                      "mt-1 text-xs",
                      result.status === "denied"
                        ? "font-medium text-red-700"
                        : result.status === "error"
                          ? "text-amber-800"
                          : "text-slate-500",
                    )}
                  >
                    {result.status === "denied" ? (
                      <>
                        Missing permission: <code className="font-mono">{result.action}</code>
                      </>
                    ) : (
                      text
                    )}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
