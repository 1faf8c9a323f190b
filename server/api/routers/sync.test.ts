import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { workspaceWithOwner } from "~/server/test/fixtures";

// A run as a worker leaves it part-way: tasks in every state, with their counts.
async function runWithTasks(workspaceId: string) {
  const account = await db.awsAccount.create({
    data: { workspaceId, kind: "account", externalId: "x".repeat(40), accountId: "123456789012" },
  });
  const task = (source: string, status: "succeeded" | "denied" | "failed" | "running", extra: object = {}) => ({
    workspaceId,
    awsAccountRef: account.id,
    accountId: "123456789012",
    source,
    status,
    ...extra,
  });
  return db.syncRun.create({
    data: {
      workspaceId,
      trigger: "manual",
      status: "running",
      startedAt: new Date(),
      tasksTotal: 4,
      tasksDone: 3,
      tasks: {
        create: [
          task("cost", "succeeded", {
            rowsInserted: 10,
            rowsUpdated: 2,
            ceRequests: 3,
            apiCalls: { "costExplorer:GetCostAndUsage": 3, "sts:AssumeRole": 1 },
          }),
          task("scans", "denied", { deniedAction: "ecr:DescribeRepositories", apiCalls: { "ecr:DescribeRepositories": 1 } }),
          task("chaos", "failed", { error: "Throttling: Rate exceeded", rowsInserted: 5, rowsDeleted: 1 }),
          task("delivery", "running", { apiCalls: { "codeDeploy:ListApplications": 2, "sts:AssumeRole": 1 } }),
        ],
      },
    },
  });
}

describe("sync.run and sync.runTasks", () => {
  it("sum a run's tasks in the database and list the tasks on their own", async () => {
    const { caller, slug, workspace } = await workspaceWithOwner("Runs");
    const run = await runWithTasks(workspace.id);

    const summary = await caller.sync.run({ workspace: slug, runId: run.id });
    expect(summary).toMatchObject({
      tasksTotal: 4,
      tasksDone: 3,
      tasksRunning: 1,
      rowsInserted: 15,
      rowsUpdated: 2,
      rowsDeleted: 1,
      ceRequests: 3,
      ceCostUsd: "0.03",
      apiCalls: { codeDeploy: 2, costExplorer: 3, ecr: 1, sts: 2 },
      apiCallsByService: [
        { service: "costExplorer", name: "AWS Cost Explorer", calls: 3 },
        { service: "codeDeploy", name: "AWS CodeDeploy", calls: 2 },
        { service: "sts", name: "AWS STS", calls: 2 },
        { service: "ecr", name: "Amazon ECR", calls: 1 },
      ],
      permissionGaps: [{ accountId: "123456789012", source: "scans", action: "ecr:DescribeRepositories" }],
      errors: [{ accountId: "123456789012", source: "chaos", error: "Throttling: Rate exceeded" }],
    });
    expect(summary).not.toHaveProperty("tasks");

    const tasks = await caller.sync.runTasks({ workspace: slug, runId: run.id });
    expect(tasks.map((t) => `${t.source}:${t.status}`)).toEqual([
      "chaos:failed",
      "cost:succeeded",
      "delivery:running",
      "scans:denied",
    ]);
  });

  it("give another workspace NOT_FOUND, through its own address or this one", async () => {
    const owner = await workspaceWithOwner("Owner of the run");
    const stranger = await workspaceWithOwner("Stranger");
    const run = await runWithTasks(owner.workspace.id);
    for (const workspace of [stranger.slug, owner.slug]) {
      await expect(stranger.caller.sync.run({ workspace, runId: run.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(stranger.caller.sync.runTasks({ workspace, runId: run.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });
});
