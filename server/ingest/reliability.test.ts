import { spawn } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { waitForRun, workspaceWithDemoOrganization } from "~/server/test/sync-helpers";
import { startSync } from "./runs.service";
import { stopQueue } from "./queue";
import { startWorker } from "./worker";

// Fast retries so failures show within a test: the SDK tries each call 3 times, the queue
// retries a task once after a second.
process.env.LADDER_AWS_MAX_ATTEMPTS = "3";
process.env.LADDER_TASK_RETRY_LIMIT = "1";
process.env.LADDER_TASK_RETRY_DELAY_SECONDS = "1";
process.env.LADDER_TASK_TIMEOUT_SECONDS = "4";

const sim = useAwsSimulator({ demoRoles: false });
let worker: Awaited<ReturnType<typeof startWorker>> | undefined;

beforeAll(async () => {
  worker = await startWorker({ concurrency: 3, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 });
});
afterAll(async () => {
  await worker?.stop();
});
afterEach(() => {
  sim.current.state.clearFaults();
  sim.current.state.setClock(() => new Date());
});

async function sync(ws: { workspace: { id: string } }, sources: ("organization" | "cost")[]) {
  const run = await startSync({ workspaceId: ws.workspace.id, actor: { label: "test" }, trigger: "manual", sources });
  return waitForRun(ws.workspace.id, run.id, 120_000);
}

describe("sync reliability", () => {
  it("records AccessDenied as a permission gap while the other sources complete", async () => {
    const ws = await workspaceWithDemoOrganization(sim.current, "Denied");
    sim.current.state.addFault({ kind: "access-denied", service: "ce", action: "GetCostAndUsage" });
    const run = await sync(ws, ["organization", "cost"]);
    expect(run.status).toBe("partial");
    expect(run.permissionGaps).toEqual([
      { accountId: sim.current.state.managementAccountId, source: "cost", action: "ce:GetCostAndUsage" },
    ]);
    expect(run.tasks.find((t) => t.source === "organization")?.status).toBe("succeeded");
    expect(await db.orgMember.count({ where: { organizationRefId: ws.organizationRef } })).toBe(
      sim.current.state.organization.accounts.length,
    );
  });

  it("backs off through throttling and 5xx until the calls pass", async () => {
    const ws = await workspaceWithDemoOrganization(sim.current, "Throttled");
    sim.current.state.addFault({ kind: "throttle", service: "organizations", action: "ListAccountsForParent", times: 2 });
    sim.current.state.addFault({ kind: "server-error", service: "organizations", action: "ListPolicies", times: 2, status: 503 });
    const run = await sync(ws, ["organization"]);
    expect(run.status).toBe("succeeded");
    const calls = run.tasks[0]!.apiCalls as Record<string, number>;
    const policyTypes = 1;
    expect(calls["organizations:ListPolicies"]).toBeGreaterThanOrEqual(policyTypes + 2);
  });

  it("keeps what a failing run wrote and says what failed", async () => {
    const ws = await workspaceWithDemoOrganization(sim.current, "Failing");
    // Daily cost pages are written before the Savings Plans series, which keeps failing.
    sim.current.state.addFault({ kind: "server-error", service: "ce", action: "GetSavingsPlansUtilization", status: 500 });
    const run = await sync(ws, ["cost"]);
    expect(run.status).toBe("failed");
    expect(run.errors[0]).toMatchObject({ source: "cost", error: expect.stringMatching(/InternalFailure|500|Internal/) });
    expect(run.tasks[0]!.attempts).toBe(2);
    expect(await db.costDaily.count({ where: { awsAccountRef: run.tasks[0]!.awsAccountRef } })).toBeGreaterThan(0);
  });

  it("refreshes credentials that expire in the middle of a run", async () => {
    const ws = await workspaceWithDemoOrganization(sim.current, "Expiring");
    const assumedBefore = sim.current.state.callCount("sts", "AssumeRole");
    let offset = 0;
    sim.current.state.setClock(() => new Date(Date.now() + offset));
    // Two hours pass (in AWS's clock) once this run's walk of the organisation has begun.
    const walked = sim.current.state.callCount("organizations", "ListAccountsForParent");
    const jump = setInterval(() => {
      if (offset === 0 && sim.current.state.callCount("organizations", "ListAccountsForParent") > walked) offset = 2 * 3_600_000;
    }, 2);
    try {
      const run = await sync(ws, ["organization"]);
      expect(run.status).toBe("succeeded");
      // Refreshed inside the task, without waiting for the queue to retry it.
      expect(run.tasks[0]!.attempts).toBe(1);
    } finally {
      clearInterval(jump);
    }
    expect(offset).toBeGreaterThan(0);
    expect(sim.current.state.callCount("sts", "AssumeRole") - assumedBefore).toBeGreaterThanOrEqual(1);
  });

  it("removes rows that disappeared only after a complete fetch of their scope", async () => {
    const ws = await workspaceWithDemoOrganization(sim.current, "Stale");
    await sync(ws, ["organization"]);
    const policies = sim.current.state.organization.policies;
    const removed = policies.splice(policies.length - 1, 1)[0]!;

    sim.current.state.addFault({ kind: "server-error", service: "organizations", action: "DescribePolicy", status: 500 });
    const failed = await sync(ws, ["organization"]);
    expect(failed.status).toBe("failed");
    expect(await db.scp.count({ where: { organizationRefId: ws.organizationRef, policyId: removed.id } })).toBe(1);

    sim.current.state.clearFaults();
    const complete = await sync(ws, ["organization"]);
    expect(complete.status).toBe("succeeded");
    expect(complete.rowsDeleted).toBeGreaterThanOrEqual(1);
    expect(await db.scp.count({ where: { organizationRefId: ws.organizationRef, policyId: removed.id } })).toBe(0);
    expect(await db.scp.count({ where: { organizationRefId: ws.organizationRef } })).toBe(policies.length);
    policies.push(removed);
  });
});

describe("a worker killed in the middle of a task", () => {
  it("loses the job to the queue, which gives it to another worker, with the same final data", async () => {
    await worker?.stop();
    worker = undefined;
    await stopQueue();
    const ws = await workspaceWithDemoOrganization(sim.current, "Killed");
    // Slow enough that the first worker is surely mid-task when it dies.
    sim.current.state.addFault({ kind: "latency", service: "organizations", latencyMs: 400 });
    const child = spawn(process.execPath, ["bin/ladder.mjs", "worker", "--concurrency", "1"], {
      env: { ...process.env, LADDER_QUEUE_MAINTENANCE_SECONDS: "1" },
      stdio: "ignore",
    });
    const run = await startSync({
      workspaceId: ws.workspace.id,
      actor: { label: "test" },
      trigger: "manual",
      sources: ["organization"],
    });
    const deadline = Date.now() + 60_000;
    while ((await db.syncTask.findFirstOrThrow({ where: { runId: run.id } })).status !== "running") {
      if (Date.now() > deadline) throw new Error("the child worker never started the task");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    sim.current.state.clearFaults();

    worker = await startWorker({ concurrency: 2, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 });
    const finished = await waitForRun(ws.workspace.id, run.id, 90_000);
    expect(finished.status).toBe("succeeded");
    expect(finished.tasks[0]!.attempts).toBe(2);
    expect(await db.orgMember.count({ where: { organizationRefId: ws.organizationRef } })).toBe(
      sim.current.state.organization.accounts.length,
    );
  });
});
