import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { startSync } from "~/server/ingest/runs.service";
import { startWorker } from "~/server/ingest/worker";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { signInOverHttp, trpcMutation, trpcQuery } from "~/server/test/http-session";
import { childEnv, freePort, runLadder, supervisedChildPid, waitUntil, type LadderProcess } from "~/server/test/processes";
import { syncedRowCounts } from "~/server/test/synced-rows";
import { waitForRun, workspaceWithDemoOrganization } from "~/server/test/sync-helpers";
import { buildApp, isBuildCurrent } from "./build";

// Two web processes and two `ladder worker` processes, each its own OS process, on one
// PostgreSQL and one AWS simulator: one person's session works through either web process, and a
// sync survives one worker killed outright, with the same rows as a run on one process.

// Every process agrees on the queue's settings (the last to start writes them): a task lost with
// its worker is retried a second after 30 s, found by the maintenance that runs every second.
process.env.LADDER_TASK_TIMEOUT_SECONDS = "30";
process.env.LADDER_TASK_RETRY_DELAY_SECONDS = "1";
process.env.LADDER_QUEUE_MAINTENANCE_SECONDS = "1";

const sim = useAwsSimulator({ demoRoles: false });
const processes: LadderProcess[] = [];

beforeAll(() => {
  if (!isBuildCurrent()) buildApp((line) => console.log(line));
});
afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop("SIGKILL")));
});

describe("scale-out", () => {
  it("two web and two worker processes: a session across web processes, a sync through a killed worker", async () => {
    // The same demo organisation synced on one process first, to compare with.
    const reference = await workspaceWithDemoOrganization(sim.current, "Reference");
    const single = await startWorker({ concurrency: 4, pollingIntervalSeconds: 0.5 });
    let expected;
    try {
      const run = await startSync({ workspaceId: reference.workspace.id, actor: { label: "test" }, trigger: "manual" });
      expected = await waitForRun(reference.workspace.id, run.id, 300_000);
    } finally {
      await single.stop();
    }

    const ws = await workspaceWithDemoOrganization(sim.current, "Scaled");
    const [portA, portB] = [await freePort(), await freePort()];
    const web = (port: number) =>
      runLadder(
        ["start"],
        childEnv({
          PORT: String(port),
          // One public address for both, as behind a load balancer.
          NEXTAUTH_URL: `http://127.0.0.1:${portA}`,
          LADDER_ALLOW_LOCAL_LOGIN: "1",
          LADDER_WORKER_CONCURRENCY: "0",
          LADDER_DEMO: undefined,
          LADDER_SIM_CONTROL_URL: undefined,
        }),
      );
    const worker = () => runLadder(["worker", "--concurrency", "2"], childEnv({}));
    const [webA, webB, worker1, worker2] = [web(portA), web(portB), worker(), worker()];
    processes.push(webA, webB, worker1, worker2);
    await Promise.all([
      webA.waitFor(/Ladder is running/, 300_000),
      webB.waitFor(/Ladder is running/, 300_000),
      worker1.waitFor(/worker running/, 300_000),
      worker2.waitFor(/worker running/, 300_000),
    ]);
    const [a, b] = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`];

    const cookie = await signInOverHttp(a, ws.owner.email);
    expect(await trpcQuery<{ email: string }>(b, "auth.me", undefined, cookie)).toMatchObject({ email: ws.owner.email });
    // Every call a little slow, so that the kill lands in the middle of the run.
    sim.current.state.addFault({ kind: "latency", latencyMs: 150 });
    const started = await trpcMutation<{ id: string; tasks: number }>(b, "sync.start", { workspace: ws.slug }, cookie);
    expect(started.tasks).toBe(expected.tasksTotal);

    const tasks = () => db.syncTask.groupBy({ by: ["status"], where: { runId: started.id }, _count: true });
    const count = (rows: Awaited<ReturnType<typeof tasks>>, status: string) => rows.find((r) => r.status === status)?._count ?? 0;
    await waitUntil(
      tasks,
      (rows) => count(rows, "succeeded") >= 3 && count(rows, "running") >= 2,
      "tasks done and running",
      300_000,
    );
    process.kill(supervisedChildPid(worker1), "SIGKILL");
    expect((await worker1.exit()).code).toBe(1);
    sim.current.state.clearFaults();

    const run = await waitForRun(ws.workspace.id, started.id, 300_000);
    expect(run.status).toBe(expected.status);
    expect(run.tasksDone).toBe(run.tasksTotal);
    expect(run.tasks.filter((t) => t.status === "queued" || t.status === "running")).toEqual([]);
    // The killed worker's tasks ran again on the other one.
    expect(run.tasks.some((t) => t.attempts >= 2)).toBe(true);
    expect(await syncedRowCounts(ws.workspace.id)).toEqual(await syncedRowCounts(reference.workspace.id));
    expect(await trpcQuery<{ status: string }>(a, "sync.run", { workspace: ws.slug, runId: started.id }, cookie)).toMatchObject({
      status: expected.status,
    });

    // SIGTERM: each stops in its grace period and exits 0.
    const stopped = await Promise.all([webA.stop(), webB.stop(), worker2.stop()]);
    expect(stopped.map((s) => s.code)).toEqual([0, 0, 0]);
  });
});
