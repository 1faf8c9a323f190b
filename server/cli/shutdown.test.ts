import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { startSync } from "~/server/ingest/runs.service";
import { startWorker } from "~/server/ingest/worker";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { childEnv, isProcessRunning, runLadder, waitUntil } from "~/server/test/processes";
import { waitForRun, workspaceWithDemoOrganization } from "~/server/test/sync-helpers";

// `ladder worker` as its own OS process, under its supervisor, told to stop.

const sim = useAwsSimulator({ demoRoles: false });
let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
afterAll(async () => {
  await worker?.stop();
});

describe("SIGTERM on a worker", () => {
  it(
    "gives the task in hand back to the queue, exits 0, and another worker completes the run",
    { timeout: 240_000 },
    async () => {
      const ws = await workspaceWithDemoOrganization(sim.current, "Released");
      // Slow enough that the task is still running when the grace period ends.
      sim.current.state.addFault({ kind: "latency", service: "organizations", latencyMs: 3000 });
      const child = runLadder(["worker", "--concurrency", "1"], childEnv({ LADDER_SHUTDOWN_GRACE_SECONDS: "8" }));
      try {
        await child.waitFor(/worker running/);
        const run = await startSync({
          workspaceId: ws.workspace.id,
          actor: { label: "test" },
          trigger: "manual",
          sources: ["organization"],
        });
        await waitUntil(
          () => db.syncTask.findFirstOrThrow({ where: { runId: run.id } }),
          (t) => t.status === "running",
          "the task to start",
        );
        child.child.kill("SIGTERM");
        const { code } = await child.exit(40_000);
        expect(code, child.output()).toBe(0);
        expect(child.output()).toMatch(/released 1 task\(s\)/);
        const released = await db.syncTask.findFirstOrThrow({ where: { runId: run.id } });
        expect(released).toMatchObject({
          status: "queued",
          attempts: 1,
          error: expect.stringMatching(/Released by a stopping worker/),
        });

        sim.current.state.clearFaults();
        worker = await startWorker({ concurrency: 1, pollingIntervalSeconds: 0.5 });
        const finished = await waitForRun(ws.workspace.id, run.id, 60_000);
        expect(finished.status).toBe("succeeded");
        expect(finished.tasksDone).toBe(1);
        expect(finished.tasks[0]!.attempts).toBe(2);
        expect(await db.orgMember.count({ where: { organizationRefId: ws.organizationRef } })).toBe(
          sim.current.state.organization.accounts.length,
        );
      } finally {
        await child.stop("SIGKILL");
        sim.current.state.clearFaults();
      }
    },
  );

  it("is killed when its event loop is blocked past the grace period", { timeout: 150_000 }, async () => {
    const child = runLadder(
      ["worker", "--concurrency", "1"],
      childEnv({ LADDER_DEMO: "0", LADDER_SHUTDOWN_GRACE_SECONDS: "2", LADDER_TEST_BLOCK_EVENT_LOOP_SECONDS: "600" }),
    );
    try {
      await child.waitFor(/worker running/);
      child.child.kill("SIGTERM");
      // Without the supervisor this would wait for the ten-minute computation (and time out).
      const { code } = await child.exit(40_000);
      const [, pid] = child.output().match(/worker \(pid (\d+)\) did not stop within 2 s of SIGTERM/) ?? [];
      expect(pid, child.output()).toBeDefined();
      expect(code).toBe(1);
      expect(isProcessRunning(Number(pid))).toBe(false);
    } finally {
      await child.stop("SIGKILL");
    }
  });
});
