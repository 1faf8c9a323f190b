import { db } from "~/server/db";
import { evaluateAndStore } from "~/server/maturity/evaluation.service";
import { EVALUATE_QUEUE, getQueue } from "./queue";

// A finished sync is followed by a maturity evaluation, as a job of its own: it is retried if
// the worker dies, and the sync's last task does not wait for it.

export interface EvaluationJob {
  workspaceId: string;
  syncRunId: string;
}

export async function queueEvaluation(job: EvaluationJob): Promise<void> {
  const boss = await getQueue();
  await boss.send(EVALUATE_QUEUE, job);
}

export async function runEvaluationJob(job: EvaluationJob): Promise<void> {
  // Two tasks finishing together may both queue it; the run is evaluated once. A workspace
  // deleted since (with its runs) has nothing left to evaluate.
  const [done, run] = await Promise.all([
    db.maturitySnapshot.findFirst({ where: { workspaceId: job.workspaceId, syncRunId: job.syncRunId } }),
    db.syncRun.findFirst({ where: { id: job.syncRunId, workspaceId: job.workspaceId }, select: { id: true } }),
  ]);
  if (done || !run) return;
  await evaluateAndStore(job.workspaceId, { trigger: "sync", syncRunId: job.syncRunId });
}
