import type PgBoss from "pg-boss";
import { runEvaluationJob, type EvaluationJob } from "./evaluation-jobs";
import { EVALUATE_QUEUE, getQueue, SCHEDULER_QUEUE, stopQueue, TASK_QUEUE, UPLOAD_QUEUE, UPLOAD_TIMEOUT_SECONDS } from "./queue";
import {
  processStagedReport,
  resumeReadingReports,
  setLocalUploadWorker,
  stopReadingReports,
  sweepStagedReports,
} from "~/server/uploads/intake.service";
import { mergeOutdatedWorkspaces } from "~/server/incidents/merge-store";
import { pruneRateLimitBuckets } from "~/server/limits/rate-limit";
import { log } from "~/server/telemetry/log";
import { evaluateDueWorkspaces } from "~/server/maturity/evaluation.service";
import { scheduleDueSyncs } from "./scheduler";
import { workWhileBusy } from "./work-while-busy";
import { releaseTasks, runTask } from "./task-runner";

interface TaskJob {
  taskId: string;
  // W3C trace context of the run that queued the task (server/telemetry/spans.ts).
  trace?: Record<string, string>;
}

export interface WorkerOptions {
  // Tasks this process runs at once.
  concurrency?: number;
  pollingIntervalSeconds?: number;
  taskTimeoutSeconds?: number;
  maintenanceIntervalSeconds?: number;
}

// A worker: any number of them, on any machine that reaches the database, share the queue.
export async function startWorker(options: WorkerOptions = {}) {
  const boss = await getQueue({
    role: "worker",
    taskTimeoutSeconds: options.taskTimeoutSeconds,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds,
  });
  // Incidents merged by an older same-incident rule, or written before merges were stored, are
  // merged again in the background; until then a duplicate counts as an incident of its own.
  void mergeOutdatedWorkspaces().catch((error: unknown) =>
    log.error({ err: error }, "worker: merging the incidents of workspaces by the current same-incident rule failed"),
  );
  const concurrency = options.concurrency ?? Number(process.env.LADDER_WORKER_CONCURRENCY ?? 4);
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  // Task jobs in hand, by job id: what a stopping worker gives back.
  const held = new Map<string, string>();
  let hasReleased = false;
  for (let i = 0; i < concurrency; i++) {
    await workWhileBusy<TaskJob>(
      boss,
      TASK_QUEUE,
      { batchSize: 1, includeMetadata: true, pollingIntervalSeconds },
      async (job) => {
        held.set(job.id, job.data.taskId);
        try {
          await runTask(job.data.taskId, {
            isLastAttempt: job.retryCount >= job.retryLimit,
            trace: job.data.trace,
            isReleased: () => hasReleased,
          });
        } finally {
          held.delete(job.id);
        }
      },
    );
  }
  // One large report at a time per process: reading one keeps a core and a connection busy.
  resumeReadingReports();
  const uploadWorker = await workWhileBusy<{ intakeId: string }>(
    boss,
    UPLOAD_QUEUE,
    { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: Math.min(pollingIntervalSeconds, 1) },
    (job) => processStagedReport({ intakeId: job.data.intakeId, isLastAttempt: job.retryCount >= job.retryLimit }),
  );
  setLocalUploadWorker({ boss, workerId: uploadWorker });
  await boss.schedule(SCHEDULER_QUEUE, "*/10 * * * *");
  await workWhileBusy<EvaluationJob>(
    boss,
    EVALUATE_QUEUE,
    { batchSize: 1, includeMetadata: true, pollingIntervalSeconds },
    (job) => runEvaluationJob(job.data),
  );
  await boss.work(SCHEDULER_QUEUE, { pollingIntervalSeconds: 30 }, async () => {
    await scheduleDueSyncs(new Date());
    await evaluateDueWorkspaces(new Date());
    await pruneRateLimitBuckets(new Date());
    await sweepStagedReports(new Date(), 4 * UPLOAD_TIMEOUT_SECONDS);
  });
  return {
    // Stops taking jobs, lets tasks in hand run for up to drainMs, then gives the rest back to the
    // queue at once, for another worker to run from the start (see releaseHeldTasks).
    stop: async (options: { drainMs?: number } = {}) => {
      setLocalUploadWorker(undefined);
      stopReadingReports();
      await stopQueue({
        timeoutMs: options.drainMs,
        beforeClose: async (stopped) => {
          hasReleased = true;
          await releaseHeldTasks(stopped, held);
        },
      });
    },
  };
}

// pg-boss fails the jobs still in hand when its stop times out: back on the queue after the retry
// delay, or failed for good on a last attempt, which would leave the run unfinished. The task is
// marked queued first (so the next claim is not overwritten), then each job is made available now
// (cancel + resume for a retry, retry for a failed one, which adds the attempt back). The handlers
// still running here write nothing more: isReleased tells them so.
async function releaseHeldTasks(boss: PgBoss, held: Map<string, string>): Promise<void> {
  const jobIds = [...held.keys()];
  if (!jobIds.length) return;
  const taskIds = [...held.values()];
  held.clear();
  await releaseTasks(taskIds);
  await boss.cancel(TASK_QUEUE, jobIds);
  await boss.resume(TASK_QUEUE, jobIds);
  await boss.retry(TASK_QUEUE, jobIds);
  console.error(`ladder: released ${taskIds.length} task(s) in hand for another worker.`);
}
