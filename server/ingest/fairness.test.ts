import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { waitForRun, workspaceWithDemoOrganization } from "~/server/test/sync-helpers";
import { startSync } from "./runs.service";
import { QUIET_MS, scheduleDueSyncs } from "./scheduler";
import { startWorker } from "./worker";

const sim = useAwsSimulator({ demoRoles: false, size: 20 });
let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
afterAll(async () => {
  await worker?.stop();
});

describe("sharing the workers", () => {
  it("lets a small workspace's run finish while a big one is still running", async () => {
    const big = await workspaceWithDemoOrganization(sim.current, "Big");
    const small = await workspaceWithDemoOrganization(sim.current, "Small");
    const bigRun = await startSync({ workspaceId: big.workspace.id, actor: { label: "test" }, trigger: "manual" });
    const smallRun = await startSync({
      workspaceId: small.workspace.id,
      actor: { label: "test" },
      trigger: "manual",
      sources: ["organization"],
    });
    worker = await startWorker({ concurrency: 1, pollingIntervalSeconds: 0.5 });
    await waitForRun(small.workspace.id, smallRun.id, 60_000);
    const bigDone = await db.syncTask.count({ where: { runId: bigRun.id, status: { in: ["succeeded", "failed", "denied"] } } });
    // Queued after the big run, yet done before a tenth of it.
    expect(bigDone).toBeLessThan(bigRun.tasks / 10);
  }, 90_000);
});

describe("the schedule", () => {
  it("starts a run for a workspace whose last one is older than its interval, once its accounts settle", async () => {
    const ws = await workspaceWithDemoOrganization(sim.current, "Scheduled");
    await db.workspace.update({ where: { id: ws.workspace.id }, data: { syncEveryHours: 24 } });
    // Right after its accounts were connected, it waits for the onboarding to settle.
    const connected = new Date();
    await scheduleDueSyncs(connected);
    expect(await db.syncRun.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
    const now = new Date(connected.getTime() + QUIET_MS + 1000);
    const first = await scheduleDueSyncs(now);
    const mine = await db.syncRun.findMany({
      where: { workspaceId: ws.workspace.id },
      select: { id: true, trigger: true, createdAt: true },
    });
    expect(mine).toHaveLength(1);
    expect(mine[0]!.trigger).toBe("schedule");
    expect(first).toContain(mine[0]!.id);

    await scheduleDueSyncs(new Date(now.getTime() + 3_600_000));
    expect(await db.syncRun.count({ where: { workspaceId: ws.workspace.id } })).toBe(1);
    await scheduleDueSyncs(new Date(mine[0]!.createdAt.getTime() + 25 * 3_600_000));
    expect(await db.syncRun.count({ where: { workspaceId: ws.workspace.id } })).toBe(2);

    await db.workspace.update({ where: { id: ws.workspace.id }, data: { syncEveryHours: null } });
    await scheduleDueSyncs(new Date(now.getTime() + 100 * 3_600_000));
    expect(await db.syncRun.count({ where: { workspaceId: ws.workspace.id } })).toBe(2);
  });
});
