import { forgetRoleCredentials, roleCredentials, sessionNameFor } from "~/server/aws/credentials";
import { classifyAwsError } from "~/server/aws/errors";
import { db } from "~/server/db";
import { log } from "~/server/telemetry/log";
import { metrics, secondsSince } from "~/server/telemetry/metrics";
import { linkFromCarrier, withSpan } from "~/server/telemetry/spans";
import { env } from "~/server/env";
import { withLimits } from "./limits";
import { queueEvaluation } from "./evaluation-jobs";
import { finishTask, type TaskOutcome } from "./runs.service";
import { sourceRunners } from "./runners";
import { forgetSeenKeys } from "./stale-rows";
import type { SourceName, SourceResult } from "./sources";

// Credentials that expire between being fetched and being used are fetched again, in-task.
const CREDENTIAL_RETRIES = 2;

export interface TaskAttempt {
  isLastAttempt: boolean;
  // Trace context of the run that queued the task: its span links to the run's.
  trace?: Record<string, string>;
  // True once a stopping worker has given the task back to the queue: this run of it writes no
  // outcome, another worker runs it again.
  isReleased?: () => boolean;
}

export class TaskReleasedError extends Error {
  constructor() {
    super("The task was given back to the queue by a stopping worker.");
    this.name = "TaskReleasedError";
  }
}

const RELEASED_NOTE = "Released by a stopping worker; another worker runs it.";

// Tasks a stopping worker gives back: queued again, unless they finished meanwhile.
export async function releaseTasks(taskIds: string[]): Promise<void> {
  await db.syncTask.updateMany({
    where: { id: { in: taskIds }, status: "running" },
    data: { status: "queued", error: RELEASED_NOTE },
  });
}

interface TaskReport {
  source?: string;
  // The final status, or "retry" when the attempt is handed back to the queue.
  status: string;
}

// One span per attempt at a task, in a trace of its own linked to the run's; the AWS calls and
// queries it makes are its children. Its duration counts into the task histogram by source.
export function runTask(taskId: string, attempt: TaskAttempt): Promise<void> {
  const start = process.hrtime.bigint();
  const report: TaskReport = { status: "retry" };
  const links = linkFromCarrier(attempt.trace);
  return withSpan("sync.task", { root: true, links, attributes: { "ladder.sync.task_id": taskId } }, async (span) => {
    try {
      await executeTask(taskId, attempt, report, (attributes) => span.setAttributes(attributes));
    } finally {
      if (report.source) {
        span.setAttribute("ladder.sync.task_status", report.status);
        metrics().taskDuration.observe({ source: report.source, status: report.status }, secondsSince(start));
      }
    }
  });
}

// Runs one source for one account. Failures that may pass (throttling beyond the SDK's own
// retries, 5xx, a lost worker) are thrown so the queue retries the task with backoff; what
// earlier attempts wrote stays, and upserts by natural key make a repeat harmless.
async function executeTask(
  taskId: string,
  attempt: TaskAttempt,
  report: TaskReport,
  describe: (attributes: Record<string, string>) => void,
): Promise<void> {
  const task = await claimTask(taskId);
  if (!task) return;
  report.source = task.source;
  describe({
    "ladder.sync.run_id": task.runId,
    "ladder.sync.source": task.source,
    "ladder.aws.account_id": task.awsAccount.accountId ?? "",
    "ladder.workspace_id": task.awsAccount.workspaceId,
  });
  const taskLog = log.child({ runId: task.runId, taskId: task.id, source: task.source, accountId: task.awsAccount.accountId });
  const runner = sourceRunners[task.source as SourceName];
  const account = task.awsAccount;
  const apiCalls = { ...task.apiCalls };
  let ceRequests = task.ceRequests;
  const onRequest = (service: string, operation: string) => {
    apiCalls[`${service}:${operation}`] = (apiCalls[`${service}:${operation}`] ?? 0) + 1;
    if (service === "costExplorer") ceRequests++;
  };

  const finish = async (outcome: Omit<TaskOutcome, "apiCalls" | "ceRequests">) => {
    if (attempt.isReleased?.()) throw new TaskReleasedError();
    const settled = await finishTask(task.id, { ...outcome, apiCalls, ceRequests });
    report.status = outcome.status;
    if (outcome.status === "succeeded") taskLog.debug({ status: outcome.status }, "task finished");
    else taskLog.warn({ status: outcome.status, error: outcome.error }, "task finished");
    if (settled?.runFinished) {
      await forgetSeenKeys(task.runId);
      metrics().syncRuns.inc({ status: settled.runStatus });
      taskLog.info({ status: settled.runStatus }, "sync finished");
      await queueEvaluation({ workspaceId: settled.workspaceId, syncRunId: task.runId });
    }
  };
  if (account.isDemo && !env().LADDER_DEMO) {
    // Without the simulator every call would fail on credentials, retried until the limit.
    await finish({
      status: "failed",
      error: "This is the demo organisation, and the worker that took the task runs without its AWS simulator (LADDER_DEMO=0).",
    });
    return;
  }
  if (!runner || !account.roleArn || !account.accountId) {
    await finish({
      status: "skipped",
      error: runner ? "The account has no verified role." : `Unknown source ${task.source}.`,
    });
    return;
  }

  const session = {
    roleArn: account.roleArn,
    externalId: account.externalId,
    sessionName: sessionNameFor("sync", account.workspace.slug),
  };
  let result: SourceResult | undefined;
  for (let tries = 0; ; tries++) {
    try {
      result = await withLimits({ accountId: account.accountId, service: runner.service }, () =>
        runner.run({
          runId: task.runId,
          now: new Date(),
          lastSucceededAt: task.lastSucceededAt,
          account: {
            ref: account.id,
            accountId: account.accountId!,
            kind: account.kind,
            organizationRefId: account.organizationRefId,
            workspaceId: account.workspaceId,
          },
          fetch: { credentials: roleCredentials(session), accountId: account.accountId!, onRequest },
        }),
      );
      break;
    } catch (error) {
      const failure = classifyAwsError(error);
      if (failure.kind === "expired" && tries < CREDENTIAL_RETRIES) {
        forgetRoleCredentials(account.roleArn);
        continue;
      }
      if (failure.kind === "access-denied") {
        await finish({ status: "denied", deniedAction: failure.action ?? null, error: failure.message });
        return;
      }
      const message = `${failure.code}: ${failure.message}`;
      if (attempt.isReleased?.()) throw new TaskReleasedError();
      if (!attempt.isLastAttempt) {
        await db.syncTask.update({
          where: { id: task.id },
          data: { status: "queued", error: `Retrying after ${message}`, apiCalls, ceRequests },
        });
        taskLog.warn({ error: message }, "task will be retried");
        throw error;
      }
      await finish({ status: "failed", error: message });
      return;
    }
  }
  const denied = [...new Set(result.deniedActions ?? [])];
  await finish({
    status: "succeeded",
    // Optional parts the role may not read: the task succeeded, the run lists the gaps.
    deniedAction: denied.length ? denied.join(", ") : null,
    rowsInserted: result.inserted,
    rowsUpdated: result.updated,
    rowsDeleted: result.deleted,
  });
}

interface ClaimedTask {
  id: string;
  runId: string;
  source: string;
  apiCalls: Record<string, number>;
  ceRequests: number;
  lastSucceededAt: Date | null;
  awsAccount: {
    id: string;
    accountId: string | null;
    roleArn: string | null;
    externalId: string;
    kind: "account" | "organization";
    organizationRefId: string | null;
    workspaceId: string;
    isDemo: boolean;
    workspace: { slug: string };
  };
}

// Marks the task running (and its run, if it is the first) and reads what running it needs, in
// one statement: a worker runs thousands of tasks, and each round trip costs both sides CPU.
// Nothing comes back for a task that has finished already (a duplicate delivery).
async function claimTask(taskId: string): Promise<ClaimedTask | undefined> {
  const [row] = await db.$queryRaw<
    (Omit<ClaimedTask, "awsAccount"> & ClaimedTask["awsAccount"] & { slug: string; ref: string })[]
  >`
    WITH claimed AS (
      UPDATE "SyncTask"
         SET status = 'running', attempts = attempts + 1, "startedAt" = now(), error = NULL
       WHERE id = ${taskId} AND status NOT IN ('succeeded', 'failed', 'denied', 'skipped')
      RETURNING id, "runId", source, "apiCalls", "ceRequests", "awsAccountRef"
    ), started AS (
      UPDATE "SyncRun" SET status = 'running', "startedAt" = now()
       WHERE id = (SELECT "runId" FROM claimed) AND status = 'queued'
    )
    SELECT c.id, c."runId", c.source, c."apiCalls", c."ceRequests",
           (SELECT max(t."finishedAt") FROM "SyncTask" t
             WHERE t."awsAccountRef" = c."awsAccountRef" AND t.source = c.source AND t.status = 'succeeded') AS "lastSucceededAt",
           a.id AS ref, a."accountId", a."roleArn", a."externalId", a.kind::text AS kind, a."organizationRefId", a."workspaceId", a."isDemo", w.slug
      FROM claimed c JOIN "AwsAccount" a ON a.id = c."awsAccountRef" JOIN "Workspace" w ON w.id = a."workspaceId"`;
  if (!row) return undefined;
  return {
    id: row.id,
    runId: row.runId,
    source: row.source,
    apiCalls: row.apiCalls,
    ceRequests: row.ceRequests,
    lastSucceededAt: row.lastSucceededAt,
    awsAccount: {
      id: row.ref,
      accountId: row.accountId,
      roleArn: row.roleArn,
      externalId: row.externalId,
      kind: row.kind,
      organizationRefId: row.organizationRefId,
      workspaceId: row.workspaceId,
      isDemo: row.isDemo,
      workspace: { slug: row.slug },
    },
  };
}
