"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { formatNumber } from "./format";
import { TaskStatusBadge } from "./status-badge";
import type { SyncRun, SyncTask } from "./types";

const POLL_MS = 2000;

// The task table is read only once opened: a run of a large organisation has thousands of tasks,
// and the rest of the card needs only the run's totals.
export function RunTasks({
  workspace,
  run,
  accountNames,
  sourceTitles,
}: {
  workspace: string;
  run: SyncRun;
  accountNames: Map<string, string | null>;
  sourceTitles: Map<string, string>;
}) {
  const [open, setOpen] = useState(false);
  if (!run.tasksTotal) return null;
  return (
    <details className="group rounded-md border border-slate-200" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="flex cursor-pointer list-none items-center justify-between px-4 py-3 text-sm font-medium text-slate-900 [&::-webkit-details-marker]:hidden">
        <span>Tasks ({formatNumber(run.tasksTotal)})</span>
        <span className="text-xs font-normal text-slate-500">
          <span className="group-open:hidden">Show each account and source</span>
          <span className="hidden group-open:inline">Hide</span>
        </span>
      </summary>
      {open && (
        <TaskTable
          workspace={workspace}
          runId={run.id}
          finished={Boolean(run.finishedAt)}
          accountNames={accountNames}
          sourceTitles={sourceTitles}
        />
      )}
    </details>
  );
}

function TaskTable({
  workspace,
  runId,
  finished,
  accountNames,
  sourceTitles,
}: {
  workspace: string;
  runId: string;
  finished: boolean;
  accountNames: Map<string, string | null>;
  sourceTitles: Map<string, string>;
}) {
  const trpc = useTRPC();
  const { data: tasks, error } = useQuery(
    trpc.sync.runTasks.queryOptions({ workspace, runId }, { refetchInterval: finished ? false : POLL_MS }),
  );
  if (error) return <p className="border-t border-slate-200 px-4 py-3 text-sm text-red-700">{error.message}</p>;
  if (!tasks) return <p className="border-t border-slate-200 px-4 py-3 text-sm text-slate-500">Loading tasks …</p>;
  return (
    <div className="border-t border-slate-200">
      <Table caption="Tasks of this sync run">
        <thead>
          <tr>
            <Th>Account</Th>
            <Th>Source</Th>
            <Th>Status</Th>
            <Th className="text-right whitespace-nowrap">Rows ins / upd / del</Th>
            <Th className="text-right">Attempts</Th>
            <Th>Error</Th>
          </tr>
        </thead>
        <TBody>
          {tasks.map((task: SyncTask) => {
            const name = accountNames.get(task.accountId);
            return (
              <tr key={task.id}>
                <Td className="py-2">
                  {name && <p className="font-medium text-slate-900">{name}</p>}
                  <p className="font-mono text-xs text-slate-500">{task.accountId}</p>
                </Td>
                <Td className="py-2">{sourceTitles.get(task.source) ?? task.source}</Td>
                <Td className="py-2">
                  <TaskStatusBadge status={task.status} />
                </Td>
                <Td className="py-2 text-right whitespace-nowrap tabular-nums" title="inserted / updated / deleted">
                  {formatNumber(task.rowsInserted)} / {formatNumber(task.rowsUpdated)} / {formatNumber(task.rowsDeleted)}
                </Td>
                <Td className="py-2 text-right tabular-nums">{task.attempts}</Td>
                <Td className="max-w-xs py-2 text-xs [overflow-wrap:anywhere]">
                  {(task.status === "denied" || task.status === "succeeded") && task.deniedAction ? (
                    <span className="text-amber-800">Missing {task.deniedAction}</span>
                  ) : task.error ? (
                    <span className="text-red-700">{task.error}</span>
                  ) : (
                    <span className="text-slate-500">—</span>
                  )}
                </Td>
              </tr>
            );
          })}
        </TBody>
      </Table>
    </div>
  );
}
