"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Card, CardHeader } from "~/components/ui/card";
import { cn } from "~/components/ui/cn";
import { DateTime } from "~/components/ui/date-time";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { formatNumber, RUNS_LIMIT, syncPath } from "./format";
import { RunStatusBadge } from "./status-badge";

const triggerLabels: Record<string, string> = { manual: "Manual", schedule: "Schedule", cli: "CLI" };

export function RunsHistory({ workspace, selectedRunId }: { workspace: string; selectedRunId?: string }) {
  const trpc = useTRPC();
  // While any run is unfinished, keep its row moving too.
  const { data: runs } = useSuspenseQuery(
    trpc.sync.runs.queryOptions(
      { workspace, limit: RUNS_LIMIT },
      { refetchInterval: (query) => (query.state.data?.some((r) => !r.finishedAt) ? 5000 : false) },
    ),
  );
  if (!runs.length) return null;
  const shownId = selectedRunId ?? runs[0]?.id;
  return (
    <Card className="overflow-hidden">
      <CardHeader
        title="History"
        description={`The last ${runs.length === 1 ? "run" : `${runs.length} runs`}; open one to see its details above.`}
      />
      <Table caption="Sync runs">
        <thead>
          <tr>
            <Th>Started</Th>
            <Th>Trigger</Th>
            <Th>Status</Th>
            <Th className="text-right">Tasks</Th>
            <Th className="text-right">Rows</Th>
            <Th className="text-right">CE requests</Th>
            <Th className="text-right">Gaps</Th>
            <Th className="text-right">Failures</Th>
          </tr>
        </thead>
        <TBody>
          {runs.map((run) => {
            const isShown = run.id === shownId;
            const rows = run.rowsInserted + run.rowsUpdated + run.rowsDeleted;
            return (
              <tr key={run.id} className={cn(isShown && "bg-slate-50")}>
                <Td className="whitespace-nowrap">
                  <Link
                    href={syncPath(workspace, run.id)}
                    scroll={false}
                    aria-current={isShown ? "true" : undefined}
                    className="font-medium text-slate-900 underline-offset-2 hover:underline"
                  >
                    <DateTime value={run.startedAt ?? run.createdAt} withTime />
                  </Link>
                </Td>
                <Td>{triggerLabels[run.trigger] ?? run.trigger}</Td>
                <Td>
                  <RunStatusBadge status={run.status} />
                </Td>
                <Td className="text-right tabular-nums">
                  {formatNumber(run.tasksDone)}/{formatNumber(run.tasksTotal)}
                </Td>
                <Td
                  className="text-right tabular-nums"
                  title={`${run.rowsInserted} inserted, ${run.rowsUpdated} updated, ${run.rowsDeleted} deleted`}
                >
                  {formatNumber(rows)}
                </Td>
                <Td className="text-right tabular-nums">{formatNumber(run.ceRequests)}</Td>
                <Td className={cn("text-right tabular-nums", run.permissionGaps > 0 && "font-medium text-amber-700")}>
                  {run.permissionGaps}
                </Td>
                <Td className={cn("text-right tabular-nums", run.failures > 0 && "font-medium text-red-700")}>{run.failures}</Td>
              </tr>
            );
          })}
        </TBody>
      </Table>
    </Card>
  );
}
