import { runEvaluationJob, type EvaluationJob } from "./evaluation-jobs";
import { EVALUATE_QUEUE, getQueue, SCHEDULER_QUEUE, stopQueue, TASK_QUEUE } from "./queue";
import { pruneRateLimitBuckets } from "~/server/limits/rate-limit";
import { evaluateDueWorkspaces } from "~/server/maturity/evaluation.service";
import { scheduleDueSyncs } from "./scheduler";
import { runTask } from "./task-runner";

interface TaskJob {
  taskId: string;
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
      await runTask(job.data.taskId, { isLastAttempt: job.retryCount >= job.retryLimit });
    });
  }
  await boss.schedule(SCHEDULER_QUEUE, "*/10 * * * *");
  await boss.work<EvaluationJob>(EVALUATE_QUEUE, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
    if (job) await runEvaluationJob(job.data);
  });
  await boss.work(SCHEDULER_QUEUE, { pollingIntervalSeconds: 30 }, async () => {
    await scheduleDueSyncs(new Date());
    await evaluateDueWorkspaces(new Date());
    await pruneRateLimitBuckets(new Date());
  });
  return { stop: stopQueue };
}
