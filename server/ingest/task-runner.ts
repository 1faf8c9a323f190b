import type { Prisma } from "~/generated/prisma/client";
import { forgetRoleCredentials, roleCredentials, sessionNameFor } from "~/server/aws/credentials";
import { classifyAwsError } from "~/server/aws/errors";
import { db } from "~/server/db";
import { withLimits } from "./limits";
import { queueEvaluation } from "./evaluation-jobs";
import { settleRun } from "./runs.service";
import { sourceRunners } from "./runners";
import type { SourceName, SourceResult } from "./sources";

const FINAL = new Set(["succeeded", "failed", "denied", "skipped"]);
// Credentials that expire between being fetched and being used are fetched again, in-task.
const CREDENTIAL_RETRIES = 2;

export interface TaskAttempt {
  isLastAttempt: boolean;
}

// Runs one source for one account. Failures that may pass (throttling beyond the SDK's own
// retries, 5xx, a lost worker) are thrown so the queue retries the task with backoff; what
// earlier attempts wrote stays, and upserts by natural key make a repeat harmless.
export async function runTask(taskId: string, attempt: TaskAttempt): Promise<void> {
  const task = await db.syncTask.findUnique({
    where: { id: taskId },
    select: {
      id: true,
      runId: true,
      source: true,
      status: true,
      apiCalls: true,
      ceRequests: true,
      awsAccount: {
        select: {
          id: true,
          accountId: true,
          roleArn: true,
          externalId: true,
          kind: true,
          organizationRefId: true,
          workspaceId: true,
          workspace: { select: { slug: true } },
        },
      },
    },
  });
  if (!task || FINAL.has(task.status)) return;
  const runner = sourceRunners[task.source as SourceName];
  const account = task.awsAccount;
  const apiCalls = { ...(task.apiCalls as Record<string, number>) };
  let ceRequests = task.ceRequests;
  const onRequest = (service: string, operation: string) => {
    apiCalls[`${service}:${operation}`] = (apiCalls[`${service}:${operation}`] ?? 0) + 1;
    if (service === "costExplorer") ceRequests++;
  };
  await db.syncTask.update({
    where: { id: task.id },
    data: { status: "running", attempts: { increment: 1 }, startedAt: new Date(), error: null },
  });
  await db.syncRun.updateMany({
    where: { id: task.runId, status: "queued" },
    data: { status: "running", startedAt: new Date() },
  });

  const finish = async (data: Prisma.SyncTaskUpdateInput) => {
    await db.syncTask.update({ where: { id: task.id }, data: { ...data, apiCalls, ceRequests } });
    const settled = await settleRun(task.runId);
    if (settled?.finished) await queueEvaluation({ workspaceId: settled.workspaceId, syncRunId: task.runId });
  };
  if (!runner || !account.roleArn || !account.accountId) {
    await finish({
      status: "skipped",
      finishedAt: new Date(),
      error: runner ? "The account has no verified role." : `Unknown source ${task.source}.`,
    });
    return;
  }

  const lastSucceeded = await db.syncTask.findFirst({
    where: { awsAccountRef: account.id, source: task.source, status: "succeeded" },
    orderBy: { finishedAt: "desc" },
    select: { finishedAt: true },
  });
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
          lastSucceededAt: lastSucceeded?.finishedAt ?? null,
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
        await finish({ status: "denied", deniedAction: failure.action ?? null, error: failure.message, finishedAt: new Date() });
        return;
      }
      const message = `${failure.code}: ${failure.message}`;
      if (!attempt.isLastAttempt) {
        await db.syncTask.update({
          where: { id: task.id },
          data: { status: "queued", error: `Retrying after ${message}`, apiCalls, ceRequests },
        });
        throw error;
      }
      await finish({ status: "failed", error: message, finishedAt: new Date() });
      return;
    }
  }
  await finish({
    status: "succeeded",
    finishedAt: new Date(),
    rowsInserted: result.inserted,
    rowsUpdated: result.updated,
    rowsDeleted: result.deleted,
  });
}
