"use client";

import { useState } from "react";
import { formatNumber } from "./format";
import type { SyncRun } from "./types";

function announcement(run: SyncRun): string {
  const tasks = `${formatNumber(run.tasksDone)} of ${formatNumber(run.tasksTotal)} tasks done`;
  switch (run.status) {
    case "queued":
      return "Sync queued, waiting for a worker.";
    case "running":
      return `Sync started: ${formatNumber(run.tasksTotal)} tasks.`;
    case "succeeded":
      return `Sync finished: ${tasks}.`;
    case "partial":
      return `Sync finished with problems: ${tasks}; see the problems below.`;
    case "failed":
      return `Sync failed: ${tasks}.`;
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
