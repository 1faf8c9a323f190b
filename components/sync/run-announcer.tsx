"use client";

import { useState } from "react";
import { formatNumber } from "./format";
import type { SyncRun } from "./types";

// Worded apart from the progress line ("n of m tasks done") so the two never read the same.
function announcement(run: SyncRun): string {
  const total = formatNumber(run.tasksTotal);
  switch (run.status) {
    case "queued":
      return "Sync queued, waiting for a worker.";
    case "running":
      return `Sync started: ${total} tasks to run.`;
    case "succeeded":
      // A task that read everything but an optional part (list prices…) succeeded with a gap.
      return run.permissionGaps.length
        ? `Sync finished: all ${total} tasks succeeded; ${formatNumber(run.permissionGaps.length)} optional ${run.permissionGaps.length === 1 ? "permission is" : "permissions are"} missing, see below.`
        : `Sync finished: all ${total} tasks succeeded.`;
    case "partial":
      return `Sync finished with problems in ${formatNumber(run.permissionGaps.length + run.errors.length)} of ${total} tasks; see the problems below.`;
    case "failed":
      return `Sync failed after ${formatNumber(run.tasksDone)} of ${total} tasks.`;
  }
}

// A polite live region (mounted empty with the run card) that says when a run starts, finishes
// or fails, so people who cannot watch the progress bar learn the outcome. It stays silent about
// the run the page opened on, about another finished run chosen from the history, and about the
// task counts ticking up in between.
export function RunAnnouncer({ run }: { run: SyncRun }) {
  const [seen, setSeen] = useState({ id: run.id, status: run.status });
  const [message, setMessage] = useState("");
  if (seen.id !== run.id || seen.status !== run.status) {
    const isNewRun = seen.id !== run.id;
    setSeen({ id: run.id, status: run.status });
    setMessage(isNewRun && run.finishedAt ? "" : announcement(run));
  }
  return (
    <p role="status" className="sr-only" data-testid="run-announcement">
      {message}
    </p>
  );
}
