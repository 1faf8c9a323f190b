import type { Prisma } from "~/generated/prisma/client";
import { recordAudit, type Actor } from "~/server/audit/audit.service";
import { namedApiCalls } from "~/server/aws/service-names";
import { db } from "~/server/db";
import { AppError, notFound } from "~/server/errors";
import { log } from "~/server/telemetry/log";
import { currentTraceCarrier, withSpan } from "~/server/telemetry/spans";
import { planTasks, queueOrder } from "./plan";
import { getQueue, TASK_QUEUE } from "./queue";
import type { SourceName } from "./sources";

// Every Cost Explorer request (each page too) is billed to the customer.
export const CE_REQUEST_USD = "0.01";

interface StartSyncOptions {
  workspaceId: string;
  actor: Actor;
  trigger: "manual" | "schedule" | "cli";
  accountRefs?: string[];
  sources?: SourceName[];
}

// The run's span is where its trace starts: each task carries its context in the job and links
// back to it (a run of 6,000 tasks would be too big a trace if they were its children).
export function startSync(opts: StartSyncOptions) {
  const attributes = { "ladder.workspace_id": opts.workspaceId, "ladder.sync.trigger": opts.trigger };
  return withSpan("sync.run.start", { attributes }, async (span) => {
    const started = await createRun(opts);
    span.setAttributes({ "ladder.sync.run_id": started.id, "ladder.sync.tasks": started.tasks });
    log.info({ runId: started.id, workspaceId: opts.workspaceId, tasks: started.tasks, trigger: opts.trigger }, "sync started");
    return started;
  });
}

async function createRun(opts: StartSyncOptions) {
  const planned = await planTasks(opts);
  if (!planned.length) {
    throw new AppError("BAD_REQUEST", "Nothing to sync: connect an AWS account first (Accounts), or widen the selection.");
  }
  const run = await db.$transaction(async (tx) => {
    const created = await tx.syncRun.create({
      data: {
        workspaceId: opts.workspaceId,
        trigger: opts.trigger,
        scope: { accountRefs: opts.accountRefs ?? null, sources: opts.sources ?? null } as Prisma.InputJsonObject,
        requestedById: opts.actor.userId ?? null,
        tasksTotal: planned.length,
        tasks: { create: planned.map((t) => ({ ...t, workspaceId: opts.workspaceId })) },
      },
      select: { id: true, tasks: { select: { id: true, source: true, awsAccountRef: true } } },
    });
    if (opts.trigger !== "schedule") {
      await recordAudit(tx, {
        workspaceId: opts.workspaceId,
        actor: opts.actor,
        action: "sync.started",
        targetType: "sync_run",
        targetId: created.id,
        data: { tasks: planned.length, trigger: opts.trigger },
      });
    }
    return created;
  });
  // A descending priority per task, so that the first tasks of every run come before the later
  // tasks of a big one: runs share the workers.
  const boss = await getQueue();
  const ordered = queueOrder(run.tasks);
  const trace = currentTraceCarrier();
  await boss.insert(
    ordered.map((task, index) => ({
      name: TASK_QUEUE,
      data: trace ? { taskId: task.id, trace } : { taskId: task.id },
      priority: -index,
      singletonKey: task.id,
    })),
  );
  return { id: run.id, tasks: planned.length };
}

export async function listRuns(opts: { workspaceId: string; limit: number }) {
  const runs = await db.syncRun.findMany({
    where: { workspaceId: opts.workspaceId },
    orderBy: { createdAt: "desc" },
    take: opts.limit,
    select: {
      id: true,
      status: true,
      trigger: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      tasksTotal: true,
      tasksDone: true,
    },
  });
  const totals = await runTotals(runs.map((r) => r.id));
  return runs.map((r) => ({ ...r, ...(totals.get(r.id) ?? zeroTotals()) }));
}

const zeroTotals = () => ({ rowsInserted: 0, rowsUpdated: 0, rowsDeleted: 0, ceRequests: 0, permissionGaps: 0, failures: 0 });

async function runTotals(runIds: string[]) {
  if (!runIds.length) return new Map<string, ReturnType<typeof zeroTotals>>();
  const grouped = await db.syncTask.groupBy({
    by: ["runId"],
    where: { runId: { in: runIds } },
    _sum: { rowsInserted: true, rowsUpdated: true, rowsDeleted: true, ceRequests: true },
  });
  const problems = await db.syncTask.groupBy({
    by: ["runId", "status"],
    where: { runId: { in: runIds }, OR: [{ status: { in: ["denied", "failed"] } }, { deniedAction: { not: null } }] },
    _count: true,
  });
  const totals = new Map(
    grouped.map((g) => [
      g.runId,
      {
        ...zeroTotals(),
        rowsInserted: g._sum.rowsInserted ?? 0,
        rowsUpdated: g._sum.rowsUpdated ?? 0,
        rowsDeleted: g._sum.rowsDeleted ?? 0,
        ceRequests: g._sum.ceRequests ?? 0,
      },
    ]),
  );
  for (const p of problems) {
    const t = totals.get(p.runId);
    // A succeeded task with a denied action read everything but an optional part.
    if (t && (p.status === "denied" || p.status === "succeeded")) t.permissionGaps += p._count;
    if (t && p.status === "failed") t.failures = p._count;
  }
  return totals;
}

// What following a run needs, without its tasks (thousands in a big organisation): for the CLI
// and anything else that polls until the run ends, then reads it whole with getRun.
export async function getRunProgress(opts: { workspaceId: string; runId: string }) {
  const run = await db.syncRun.findFirst({
    where: { id: opts.runId, workspaceId: opts.workspaceId },
    select: { id: true, status: true, startedAt: true, finishedAt: true, tasksTotal: true, tasksDone: true },
  });
  if (!run) throw notFound("That sync run");
  return run;
}

// A run with its totals, summed in Postgres: a 1,000-account run has 6,000 tasks, and the Sync
// page asks for the run every two seconds while it runs. Its tasks come from getRunTasks.
export async function getRunSummary(opts: { workspaceId: string; runId: string }) {
  const run = await db.syncRun.findFirst({
    where: { id: opts.runId, workspaceId: opts.workspaceId },
    select: {
      id: true,
      status: true,
      trigger: true,
      scope: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      tasksTotal: true,
      tasksDone: true,
    },
  });
  if (!run) throw notFound("That sync run");
  const [[totals], calls, problems] = await Promise.all([
    db.$queryRaw<{ rowsInserted: number; rowsUpdated: number; rowsDeleted: number; ceRequests: number; running: number }[]>`
      SELECT coalesce(sum("rowsInserted"), 0)::int AS "rowsInserted", coalesce(sum("rowsUpdated"), 0)::int AS "rowsUpdated",
             coalesce(sum("rowsDeleted"), 0)::int AS "rowsDeleted", coalesce(sum("ceRequests"), 0)::int AS "ceRequests",
             (count(*) FILTER (WHERE status = 'running'))::int AS running
        FROM "SyncTask" WHERE "runId" = ${run.id}`,
    // "<service>:<operation>" counts, summed per service.
    db.$queryRaw<{ service: string; count: number }[]>`
      SELECT split_part(c.key, ':', 1) AS service, sum(c.value::int)::int AS count
        FROM "SyncTask" t CROSS JOIN LATERAL jsonb_each_text(t."apiCalls") AS c
       WHERE t."runId" = ${run.id}
       GROUP BY 1 ORDER BY 1`,
    db.syncTask.findMany({
      where: { runId: run.id, OR: [{ status: { in: ["denied", "failed"] } }, { deniedAction: { not: null } }] },
      orderBy: [{ accountId: "asc" }, { source: "asc" }],
      select: { accountId: true, source: true, status: true, deniedAction: true, error: true },
    }),
  ]);
  const { running, ...rows } = totals!;
  const apiCalls = Object.fromEntries(calls.map((c) => [c.service, c.count]));
  return {
    ...run,
    ...rows,
    tasksRunning: running,
    durationMs: run.startedAt ? (run.finishedAt ?? new Date()).getTime() - run.startedAt.getTime() : null,
    apiCalls,
    apiCallsByService: namedApiCalls(apiCalls),
    // Exact cents: requests × $0.01.
    ceCostUsd: (rows.ceRequests / 100).toFixed(2),
    // A succeeded task may name several optional actions it was refused ("a, b"): one gap each.
    permissionGaps: problems
      .filter((t) => t.status === "denied" || (t.status === "succeeded" && t.deniedAction))
      .flatMap((t) =>
        t.status === "denied"
          ? [{ accountId: t.accountId, source: t.source, action: t.deniedAction }]
          : t.deniedAction!.split(", ").map((action) => ({ accountId: t.accountId, source: t.source, action })),
      ),
    errors: problems
      .filter((t) => t.status === "failed")
      .map((t) => ({ accountId: t.accountId, source: t.source, error: t.error })),
  };
}

// Each task of a run: for the Sync page's task table, opened on demand.
export async function getRunTasks(opts: { workspaceId: string; runId: string }) {
  const run = await db.syncRun.findFirst({ where: { id: opts.runId, workspaceId: opts.workspaceId }, select: { id: true } });
  if (!run) throw notFound("That sync run");
  return db.syncTask.findMany({
    where: { runId: run.id },
    orderBy: [{ accountId: "asc" }, { source: "asc" }],
    select: {
      id: true,
      awsAccountRef: true,
      accountId: true,
      source: true,
      status: true,
      attempts: true,
      startedAt: true,
      finishedAt: true,
      rowsInserted: true,
      rowsUpdated: true,
      rowsDeleted: true,
      apiCalls: true,
      ceRequests: true,
      deniedAction: true,
      error: true,
    },
  });
}

// The whole run, tasks included: for the CLI's report and the tests.
export async function getRun(opts: { workspaceId: string; runId: string }) {
  const [summary, tasks] = await Promise.all([getRunSummary(opts), getRunTasks(opts)]);
  return { ...summary, tasks };
}

// How fresh each kind of data is, per account: the last time each source succeeded.
export async function dataFreshness(opts: { workspaceId: string }) {
  const rows = await db.$queryRaw<{ awsAccountRef: string; source: string; finishedAt: Date }[]>`
    SELECT DISTINCT ON ("awsAccountRef", source) "awsAccountRef", source, "finishedAt"
      FROM "SyncTask"
     WHERE "workspaceId" = ${opts.workspaceId} AND status = 'succeeded'
     ORDER BY "awsAccountRef", source, "finishedAt" DESC`;
  return rows;
}

export type FinalTaskStatus = "succeeded" | "failed" | "denied" | "skipped";

export interface TaskOutcome {
  status: FinalTaskStatus;
  error?: string | null;
  deniedAction?: string | null;
  rowsInserted?: number;
  rowsUpdated?: number;
  rowsDeleted?: number;
  apiCalls: Record<string, number>;
  ceRequests: number;
}

// Finishes a task and counts it into its run in one statement, so a worker killed in between
// cannot leave a run that never settles. A run with all tasks done is succeeded (all succeeded or
// were skipped), partial (some failed or were denied, the rest kept) or failed (none succeeded).
// The run's row lock orders concurrent finishes, and each adds to the counts the one before left.
// Nothing happens for a task that is final already (a duplicate delivery).
export async function finishTask(
  taskId: string,
  outcome: TaskOutcome,
): Promise<{ runFinished: boolean; workspaceId: string; runStatus: string } | undefined> {
  const ok = outcome.status === "succeeded" || outcome.status === "skipped" ? 1 : 0;
  const [row] = await db.$queryRaw<{ finishedAt: Date | null; workspaceId: string; status: string }[]>`
    WITH finished AS (
      UPDATE "SyncTask"
         SET status = ${outcome.status}::"TaskStatus", "finishedAt" = now(),
             error = ${outcome.error ?? null}, "deniedAction" = ${outcome.deniedAction ?? null},
             "rowsInserted" = ${outcome.rowsInserted ?? 0}, "rowsUpdated" = ${outcome.rowsUpdated ?? 0},
             "rowsDeleted" = ${outcome.rowsDeleted ?? 0},
             "apiCalls" = ${JSON.stringify(outcome.apiCalls)}::jsonb, "ceRequests" = ${outcome.ceRequests}
       WHERE id = ${taskId} AND status NOT IN ('succeeded', 'failed', 'denied', 'skipped')
      RETURNING "runId"
    )
    UPDATE "SyncRun" r
       SET "tasksDone" = r."tasksDone" + 1,
           "tasksOk" = r."tasksOk" + ${ok},
           status = (CASE
             WHEN r."tasksDone" + 1 < r."tasksTotal" THEN 'running'
             WHEN r."tasksOk" + ${ok} = r."tasksTotal" THEN 'succeeded'
             WHEN r."tasksOk" + ${ok} > 0 THEN 'partial'
             ELSE 'failed' END)::"SyncStatus",
           "finishedAt" = CASE WHEN r."tasksDone" + 1 >= r."tasksTotal" THEN COALESCE(r."finishedAt", now()) END
      FROM finished f
     WHERE r.id = f."runId"
     RETURNING r."finishedAt", r."workspaceId", r.status::text AS status`;
  return row && { runFinished: row.finishedAt !== null, workspaceId: row.workspaceId, runStatus: row.status };
}
