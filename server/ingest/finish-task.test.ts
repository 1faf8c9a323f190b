import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { testAccount } from "./bulk-write-fixtures";
import { finishTask, type FinalTaskStatus } from "./runs.service";

// A run with one running task per source name given, as a worker would leave it after claiming.
async function runningRun(sources: string[]) {
  const account = await testAccount("Finishing tasks");
  return db.syncRun.create({
    data: {
      workspaceId: account.workspaceId,
      trigger: "manual",
      status: "running",
      tasksTotal: sources.length,
      tasks: {
        create: sources.map((source) => ({
          workspaceId: account.workspaceId,
          awsAccountRef: account.id,
          accountId: "123456789012",
          source,
          status: "running",
        })),
      },
    },
    select: { id: true, tasks: { select: { id: true }, orderBy: { source: "asc" } } },
  });
}

const outcome = (status: FinalTaskStatus) => ({ status, apiCalls: { "ecr:DescribeImages": 2 }, ceRequests: 0 });
const runOf = (id: string) =>
  db.syncRun.findUniqueOrThrow({ where: { id }, select: { status: true, tasksDone: true, tasksOk: true, finishedAt: true } });

describe("finishTask", () => {
  it("counts tasks finishing at the same time exactly once each and settles the run with the last", async () => {
    const sources = Array.from({ length: 40 }, (_, i) => `source-${String(i).padStart(2, "0")}`);
    const run = await runningRun(sources);
    const statuses: FinalTaskStatus[] = run.tasks.map((_, i) => (i === 7 ? "denied" : i === 9 ? "skipped" : "succeeded"));

    const results = await Promise.all(run.tasks.map((task, i) => finishTask(task.id, outcome(statuses[i]!))));

    expect(results.filter((r) => r?.runFinished)).toHaveLength(1);
    expect(await runOf(run.id)).toMatchObject({ status: "partial", tasksDone: 40, tasksOk: 39, finishedAt: expect.any(Date) });
    const stored = await db.syncTask.findMany({
      where: { runId: run.id },
      select: { status: true, finishedAt: true, apiCalls: true },
    });
    expect(stored.every((t) => t.finishedAt && (t.apiCalls as Record<string, number>)["ecr:DescribeImages"] === 2)).toBe(true);
  });

  it("ignores a second finish of the same task (a duplicate delivery)", async () => {
    const run = await runningRun(["chaos", "scans"]);
    const [first, second] = run.tasks;
    expect(await finishTask(first!.id, outcome("succeeded"))).toMatchObject({ runFinished: false });
    expect(await finishTask(first!.id, outcome("failed"))).toBeUndefined();
    expect(await runOf(run.id)).toMatchObject({ status: "running", tasksDone: 1, tasksOk: 1, finishedAt: null });

    await finishTask(second!.id, outcome("succeeded"));
    expect(await runOf(run.id)).toMatchObject({ status: "succeeded", tasksDone: 2, tasksOk: 2 });
    expect(await db.syncTask.findUniqueOrThrow({ where: { id: first!.id } })).toMatchObject({ status: "succeeded" });
  });

  it("fails a run none of whose tasks succeeded", async () => {
    const run = await runningRun(["chaos", "scans"]);
    await finishTask(run.tasks[0]!.id, outcome("failed"));
    await finishTask(run.tasks[1]!.id, outcome("denied"));
    expect(await runOf(run.id)).toMatchObject({ status: "failed", tasksDone: 2, tasksOk: 0 });
  });
});
