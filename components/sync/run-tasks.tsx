import { Table, TBody, Td, Th } from "~/components/ui/table";
import { formatNumber } from "./format";
import { TaskStatusBadge } from "./status-badge";
import type { SyncRun } from "./types";

export function RunTasks({
  run,
  accountNames,
  sourceTitles,
}: {
  run: SyncRun;
  accountNames: Map<string, string | null>;
  sourceTitles: Map<string, string>;
}) {
  if (!run.tasks.length) return null;
  return (
    <details className="group rounded-md border border-slate-200">
      <summary className="flex cursor-pointer list-none items-center justify-between px-4 py-3 text-sm font-medium text-slate-900 [&::-webkit-details-marker]:hidden">
        <span>Tasks ({run.tasks.length})</span>
        <span className="text-xs font-normal text-slate-500">
          <span className="group-open:hidden">Show each account and source</span>
          <span className="hidden group-open:inline">Hide</span>
        </span>
      </summary>
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
            {run.tasks.map((task) => {
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
                    {task.status === "denied" && task.deniedAction ? (
                      <span className="text-amber-800">Missing {task.deniedAction}</span>
                    ) : task.error ? (
                      <span className="text-red-700">{task.error}</span>
                    ) : (
                      <span className="text-slate-400">—</span>
                    )}
                  </Td>
                </tr>
              );
            })}
          </TBody>
        </Table>
      </div>
    </details>
  );
}
