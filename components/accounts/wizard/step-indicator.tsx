import { cn } from "~/components/ui/cn";
import type { AccountKind } from "../types";

const baseSteps = ["Choose what to connect", "Create the role in AWS", "Verify the role"];

// Where the user is in the set-up; organisations have a fourth step for their member accounts.
export function StepIndicator({ kind, current }: { kind: AccountKind | null; current: number }) {
  const steps = kind === "organization" ? [...baseSteps, "Connect member accounts"] : baseSteps;
  return (
    <nav aria-label="Set-up steps" className="mb-6">
      <ol className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        {steps.map((label, index) => {
          const number = index + 1;
          const state = number < current ? "done" : number === current ? "current" : "next";
          return (
            <li key={label} className="flex items-center gap-2" aria-current={state === "current" ? "step" : undefined}>
              <span
                className={cn(
                  "inline-flex size-6 items-center justify-center rounded-full text-xs font-semibold",
                  state === "done" && "bg-emerald-700 text-white",
                  state === "current" && "bg-slate-900 text-white",
                  state === "next" && "bg-slate-200 text-slate-600",
                )}
                aria-hidden="true"
              >
                {state === "done" ? "✓" : number}
              </span>
              <span className={cn(state === "next" ? "text-slate-500" : "font-medium text-slate-900")}>
                {label}
                {state === "done" && <span className="sr-only"> (done)</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
