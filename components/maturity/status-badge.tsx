import { cn } from "~/components/ui/cn";
import { statusLabels } from "./labels";
import type { CheckStatus } from "./types";

// Six outcomes, six looks: "no data" is never mistaken for a pass, nor a warning for a failure.
const tones: Record<CheckStatus, string> = {
  pass: "bg-emerald-50 text-emerald-700 ring-1 ring-inset ring-emerald-200",
  fail: "bg-red-50 text-red-700 ring-1 ring-inset ring-red-200",
  warning: "bg-amber-50 text-amber-800 ring-1 ring-inset ring-amber-200",
  not_applicable: "bg-slate-50 text-slate-500 ring-1 ring-inset ring-slate-200",
  no_data: "border border-dashed border-slate-400 bg-white text-slate-700",
  error: "bg-red-600 text-white",
};

export function StatusBadge({ status, className }: { status: CheckStatus; className?: string }) {
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        tones[status],
        className,
      )}
    >
      {statusLabels[status]}
    </span>
  );
}

/** A waived result counts as passing; the marker keeps that visible wherever the check appears. */
export function WaivedBadge({ reason, className }: { reason?: string; className?: string }) {
  return (
    <span
      title={reason ? `Waived: ${reason}` : "Waived"}
      className={cn(
        "inline-flex items-center rounded-full bg-violet-50 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-violet-700 ring-1 ring-violet-200 ring-inset",
        className,
      )}
    >
      Waived
    </span>
  );
}

export function ResultBadges({ status, waiver }: { status: CheckStatus; waiver: { reason: string } | null }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <StatusBadge status={status} />
      {waiver && <WaivedBadge reason={waiver.reason} />}
    </span>
  );
}
