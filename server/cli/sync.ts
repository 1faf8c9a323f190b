import { AppError } from "~/server/errors";
import { getRun, getRunProgress, startSync } from "~/server/ingest/runs.service";
import { sourceNames, type SourceName } from "~/server/ingest/sources";
import { stopQueue } from "~/server/ingest/queue";
import { startWorker } from "~/server/ingest/worker";
import { findWorkspaceBySlug } from "~/server/workspaces/workspaces.service";

const STALL_HINT_MS = 30_000;

// `ladder sync`: start a run and follow it to the end; the exit code says whether it succeeded.
export async function syncCommand(opts: {
  workspace: string;
  source?: string[];
  worker?: boolean;
  timeoutMinutes?: number;
}): Promise<number> {
  const workspace = await findWorkspaceBySlug(opts.workspace);
  if (!workspace) throw new AppError("NOT_FOUND", `No workspace has the address ${opts.workspace}.`);
  const unknown = (opts.source ?? []).filter((s) => !(sourceNames as readonly string[]).includes(s));
  if (unknown.length)
    throw new AppError("BAD_REQUEST", `Unknown source ${unknown.join(", ")}; sources are ${sourceNames.join(", ")}.`);

  const worker = opts.worker ? await startWorker() : undefined;
  try {
    const started = await startSync({
      workspaceId: workspace.id,
      actor: { label: "cli" },
      trigger: "cli",
      sources: opts.source as SourceName[] | undefined,
    });
    console.error(`ladder: sync ${started.id} started with ${started.tasks} task(s).`);
    const deadline = Date.now() + (opts.timeoutMinutes ?? 60) * 60_000;
    const begun = Date.now();
    let lastDone = -1;
    let hinted = false;
    for (;;) {
      const run = await getRunProgress({ workspaceId: workspace.id, runId: started.id });
      if (run.tasksDone !== lastDone) {
        lastDone = run.tasksDone;
        console.error(`ladder: ${run.tasksDone}/${run.tasksTotal} tasks done`);
      }
      if (run.finishedAt) return report(await getRun({ workspaceId: workspace.id, runId: run.id }));
      if (!hinted && !run.startedAt && Date.now() - begun > STALL_HINT_MS) {
        hinted = true;
        console.error(
          "ladder: no worker has picked up the tasks yet. Is `npm start` or `npx ladder worker` running? Or pass --worker.",
        );
      }
      if (Date.now() > deadline)
        throw new AppError("BAD_REQUEST", `The run did not finish in time; follow it on the Sync page (run ${run.id}).`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } finally {
    if (worker) await worker.stop();
    else await stopQueue();
  }
}

function report(run: Awaited<ReturnType<typeof getRun>>): number {
  const seconds = ((run.durationMs ?? 0) / 1000).toFixed(1);
  console.log(`Sync ${run.id}: ${run.status} in ${seconds} s`);
  console.log(`  rows: ${run.rowsInserted} inserted, ${run.rowsUpdated} updated, ${run.rowsDeleted} deleted`);
  console.log(`  API calls: ${run.apiCallsByService.map((row) => `${row.name} ${row.calls}`).join(", ") || "none"}`);
  console.log(`  Cost Explorer: ${run.ceRequests} request(s), $${run.ceCostUsd} billed to the payer account`);
  for (const gap of run.permissionGaps)
    console.log(`  permission gap: ${gap.accountId} ${gap.source}: ${gap.action ?? "access denied"}`);
  for (const error of run.errors) console.log(`  failed: ${error.accountId} ${error.source}: ${error.error}`);
  return run.status === "succeeded" ? 0 : 1;
}
