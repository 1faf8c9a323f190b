"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "~/components/providers/trpc-provider";
import { EmptyState } from "~/components/ui/empty-state";
import { RUNS_LIMIT } from "./format";
import { RunCard } from "./run-card";

// The run chosen by ?run=<id>, or else the latest one.
export function RunPanel({ workspace, selectedRunId, canSync }: { workspace: string; selectedRunId?: string; canSync: boolean }) {
  const trpc = useTRPC();
  const { data: runs } = useSuspenseQuery(trpc.sync.runs.queryOptions({ workspace, limit: RUNS_LIMIT }));
  const runId = selectedRunId ?? runs[0]?.id;
  if (!runId) {
    return (
      <EmptyState title="No sync has run yet">
        {canSync
          ? "Press “Sync now” to pull data from your connected AWS accounts; after that, syncs also run on the schedule below."
          : "An editor can start the first sync; after that, syncs also run on the schedule below."}
      </EmptyState>
    );
  }
  return <RunCard workspace={workspace} runId={runId} isLatest={runId === runs[0]?.id} />;
}
