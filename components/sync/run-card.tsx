"use client";

import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { DateTime } from "~/components/ui/date-time";
import { syncPath } from "./format";
import { RunAnnouncer } from "./run-announcer";
import { RunApiCalls } from "./run-api-calls";
import { RunProblems } from "./run-problems";
import { RunProgress } from "./run-progress";
import { RunStats } from "./run-stats";
import { RunTasks } from "./run-tasks";
import { RunStatusBadge } from "./status-badge";

const POLL_MS = 2000;

const triggerLabels: Record<string, string> = { manual: "Started by hand", schedule: "Scheduled", cli: "Started from the CLI" };

export function RunCard({ workspace, runId, isLatest }: { workspace: string; runId: string; isLatest: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: run } = useSuspenseQuery(
    trpc.sync.run.queryOptions(
      { workspace, runId },
      { refetchInterval: (query) => (query.state.data && !query.state.data.finishedAt ? POLL_MS : false) },
    ),
  );
  const { data: accounts } = useSuspenseQuery(trpc.accounts.list.queryOptions({ workspace }));
  const { data: sources } = useSuspenseQuery(trpc.sync.sources.queryOptions({ workspace }));

  // When a run finishes, the history and the freshness table change with it.
  const isFinished = Boolean(run.finishedAt);
  const wasFinished = useRef(isFinished);
  useEffect(() => {
    if (isFinished && !wasFinished.current) {
      void queryClient.invalidateQueries(trpc.sync.runs.queryFilter());
      void queryClient.invalidateQueries(trpc.sync.freshness.queryFilter());
      void queryClient.invalidateQueries(trpc.sync.runTasks.queryFilter());
    }
    wasFinished.current = isFinished;
  }, [isFinished, queryClient, trpc]);

  const accountNames = new Map(accounts.map((a) => [a.accountId ?? a.id, a.name]));
  const sourceTitles = new Map(sources.map((s) => [s.name as string, s.title]));

  return (
    <Card>
      <CardHeader
        title={isLatest ? "Latest run" : "Selected run"}
        description={
          <>
            {triggerLabels[run.trigger] ?? run.trigger} · queued <DateTime value={run.createdAt} withTime />
            {!isLatest && (
              <>
                {" · "}
                <Link
                  href={syncPath(workspace)}
                  scroll={false}
                  className="font-medium text-slate-900 underline underline-offset-2"
                >
                  Show the latest run
                </Link>
              </>
            )}
          </>
        }
        action={<RunStatusBadge status={run.status} />}
      />
      <RunAnnouncer run={run} />
      <CardBody className="space-y-6">
        <RunProgress run={run} />
        <RunStats run={run} />
        <RunProblems workspace={workspace} run={run} accountNames={accountNames} sourceTitles={sourceTitles} />
        <RunApiCalls run={run} />
        <RunTasks workspace={workspace} run={run} accountNames={accountNames} sourceTitles={sourceTitles} />
      </CardBody>
    </Card>
  );
}
