import { cn } from "~/components/ui/cn";
import type { Level } from "./types";

// Levels read as a sequence, from red (nothing in place) to solid green (the top), so the eye
// finds the weak practices before reading a word.
export const levelTones: Record<Level, { chip: string; bar: string }> = {
  0: { chip: "bg-rose-50 text-rose-700 ring-rose-200", bar: "bg-rose-400" },
  1: { chip: "bg-orange-50 text-orange-800 ring-orange-200", bar: "bg-orange-400" },
  2: { chip: "bg-lime-50 text-lime-800 ring-lime-300", bar: "bg-lime-500" },
  3: { chip: "bg-emerald-50 text-emerald-700 ring-emerald-200", bar: "bg-emerald-500" },
  4: { chip: "bg-emerald-700 text-white ring-emerald-700", bar: "bg-emerald-700" },
};

export function LevelChip({
  level,
  size = "sm",
  muted = false,
  className,
}: {
  level: Level | null;
  size?: "sm" | "lg";
  /** A level not reached: drawn in outline so only reached levels carry colour. */
  muted?: boolean;
  className?: string;
}) {
  const sizes = size === "lg" ? "h-9 min-w-9 px-2.5 text-base" : "h-6 min-w-6 px-1.5 text-xs";
  if (level === null) {
    return (
      <span
        title="Not applicable: the practice applies to no account in scope"
        className={cn(
          "inline-flex items-center justify-center rounded-md border border-dashed border-slate-300 bg-white font-semibold text-slate-500",
          sizes,
          className,
        )}
      >
        n/a
      </span>
    );
  }
  return (
    <span
      title={`Level ${level} of 4`}
      className={cn(
        "inline-flex items-center justify-center rounded-md font-semibold tabular-nums ring-1 ring-inset",
        muted ? "bg-white text-slate-500 ring-slate-200" : levelTones[level].chip,
        sizes,
        className,
      )}
    >
      <span className="sr-only">Level </span>
      {level}
    </span>
  );
}

/** Four segments, filled up to the level: progress at a glance. */
export function LevelMeter({ level, className }: { level: Level | null; className?: string }) {
  return (
    <span className={cn("inline-flex gap-0.5", className)} aria-hidden="true">
      {[1, 2, 3, 4].map((step) => (
        <span
          key={step}
          className={cn("h-1.5 w-4 rounded-full", level !== null && step <= level ? levelTones[level].bar : "bg-slate-200")}
        />
      ))}
    </span>
  );
}

export function LevelLegend() {
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
      <span>Levels:</span>
      {([0, 1, 2, 3, 4] as const).map((level) => (
        <span key={level} className="inline-flex items-center gap-1">
          <LevelChip level={level} />
        </span>
      ))}
      <span className="inline-flex items-center gap-1">
        <LevelChip level={null} /> does not apply
      </span>
      <span>· a stage needs level 2 in each of its practices</span>
    </p>
  );
}
