import { cn } from "~/components/ui/cn";
import { formatDuration, formatNumber } from "./format";
import type { SyncRun } from "./types";

const barTones: Record<SyncRun["status"], string> = {
  queued: "bg-slate-400",
  running: "bg-sky-500",
  succeeded: "bg-emerald-500",
  partial: "bg-amber-500",
  failed: "bg-red-500",
};

export function RunProgress({ run }: { run: SyncRun }) {
  const percent = run.tasksTotal ? Math.round((run.tasksDone / run.tasksTotal) * 100) : 0;
  const running = run.tasksRunning;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <p className="font-medium text-slate-900">
          {formatNumber(run.tasksDone)} of {formatNumber(run.tasksTotal)} tasks done
          {!run.finishedAt && running > 0 && <span className="font-normal text-slate-500"> · {running} running now</span>}
        </p>
        <p className="text-slate-600">
          {run.finishedAt ? "Took " : run.startedAt ? "Running for " : "Waiting for a worker"}
          {run.startedAt && <span className="tabular-nums">{formatDuration(run.durationMs)}</span>}
        </p>
      </div>
      <div
        role="progressbar"
        aria-label="Sync progress"
        aria-valuemin={0}
        aria-valuemax={run.tasksTotal}
        aria-valuenow={run.tasksDone}
        aria-valuetext={`${run.tasksDone} of ${run.tasksTotal} tasks done`}
        className="h-2.5 overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className={cn("h-full rounded-full transition-[width] duration-500", barTones[run.status])}
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
