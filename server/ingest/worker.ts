import { runEvaluationJob, type EvaluationJob } from "./evaluation-jobs";
import { EVALUATE_QUEUE, getQueue, SCHEDULER_QUEUE, stopQueue, TASK_QUEUE, UPLOAD_QUEUE, UPLOAD_TIMEOUT_SECONDS } from "./queue";
import {
  processStagedReport,
  resumeReadingReports,
  setLocalUploadWorker,
  stopReadingReports,
  sweepStagedReports,
} from "~/server/uploads/intake.service";
import { pruneRateLimitBuckets } from "~/server/limits/rate-limit";
import { evaluateDueWorkspaces } from "~/server/maturity/evaluation.service";
import { scheduleDueSyncs } from "./scheduler";
import { runTask } from "./task-runner";

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
  const concurrency = options.concurrency ?? Number(process.env.LADDER_WORKER_CONCURRENCY ?? 4);
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  for (let i = 0; i < concurrency; i++) {
    await boss.work<TaskJob>(TASK_QUEUE, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds }, async ([job]) => {
      if (!job) return;
      await runTask(job.data.taskId, { isLastAttempt: job.retryCount >= job.retryLimit, trace: job.data.trace });
    });
  }
  // One large report at a time per process: reading one keeps a core and a connection busy.
  resumeReadingReports();
  const uploadWorker = await boss.work<{ intakeId: string }>(
    UPLOAD_QUEUE,
    { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: Math.min(pollingIntervalSeconds, 1) },
    async ([job]) => {
      if (job) await processStagedReport({ intakeId: job.data.intakeId, isLastAttempt: job.retryCount >= job.retryLimit });
    },
  );
  setLocalUploadWorker({ boss, workerId: uploadWorker });
  await boss.schedule(SCHEDULER_QUEUE, "*/10 * * * *");
  await boss.work<EvaluationJob>(EVALUATE_QUEUE, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
    if (job) await runEvaluationJob(job.data);
  });
  await boss.work(SCHEDULER_QUEUE, { pollingIntervalSeconds: 30 }, async () => {
    await scheduleDueSyncs(new Date());
    await evaluateDueWorkspaces(new Date());
    await pruneRateLimitBuckets(new Date());
    await sweepStagedReports(new Date(), 4 * UPLOAD_TIMEOUT_SECONDS);
  });
  return {
    stop: async () => {
      setLocalUploadWorker(undefined);
      stopReadingReports();
      await stopQueue();
    },
  };
}
