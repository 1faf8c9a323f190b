import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { waitForRun, workspaceWithDemoOrganization } from "~/server/test/sync-helpers";
import { chaos } from "~/simulator/data/chaos";
import { deploymentData } from "~/simulator/data/deployments";
import type { SourceName } from "./sources";
import { startSync } from "./runs.service";
import { FULL_READ_EVERY_DAYS } from "./runners/deployment-reads";
import { startWorker } from "./worker";

// The daily re-sync of the delivery and chaos sources against a full read of the same simulator
// state: deployments created since the last read and the stored ones that had not finished; FIS
// experiments listed in full, their details read only when new or changed.

const sim = useAwsSimulator({ demoRoles: false });
let worker: Awaited<ReturnType<typeof startWorker>>;

beforeAll(async () => {
  worker = await startWorker({ concurrency: 2, pollingIntervalSeconds: 0.5 });
});
afterAll(() => worker.stop());

const DAY_MS = 86_400_000;

async function syncDelivery(
  workspace: Awaited<ReturnType<typeof workspaceWithDemoOrganization>>,
  sources: SourceName[] = ["delivery"],
) {
  const run = await startSync({
    workspaceId: workspace.workspace.id,
    actor: { userId: workspace.owner.id },
    trigger: "manual",
    sources,
  });
  const done = await waitForRun(workspace.workspace.id, run.id, 120_000);
  expect(done.errors).toEqual([]);
  expect(done.status).toBe("succeeded");
  return done;
}

// A workspace's deployments without the columns that name its own rows.
async function storedDeployments(workspaceId: string) {
  const rows = await db.deployment.findMany({
    where: { awsAccount: { workspaceId } },
    include: { awsAccount: { select: { accountId: true } } },
    orderBy: [{ deploymentId: "asc" }, { region: "asc" }],
  });
  return rows.map(({ id: _i, awsAccountRef: _a, lastSeenRunId: _r, awsAccount, ...row }) => ({
    ...row,
    accountId: awsAccount.accountId,
  }));
}

const batchGets = () => sim.current.state.callCount("codedeploy", "BatchGetDeployments");

describe("re-syncing CodeDeploy deployments", () => {
  it("reads only new and unfinished deployments, stores what a full read stores, and reads everything once a week", async () => {
    const ws = await workspaceWithDemoOrganization(sim.current, "Delivery");
    const accounts = await db.awsAccount.findMany({ where: { workspaceId: ws.workspace.id, accountId: { not: null } } });
    const [accountId] = accounts
      .map((a) => a.accountId!)
      .filter((id) => deploymentData(sim.current.state.data, id).deployments.length > 50);
    expect(accountId).toBeDefined();
    const { deployments } = deploymentData(sim.current.state.data, accountId!);
    // Running when the first sync reads it, a month ago.
    const running = deployments.find((d) => d.createdAt.getTime() < Date.now() - 30 * DAY_MS)!;
    running.status = "InProgress";
    const completedAt = running.completedAt;
    running.completedAt = null;

    sim.current.state.resetCallCounts();
    await syncDelivery(ws);
    const fullReads = batchGets();

    running.status = "Succeeded";
    running.completedAt = completedAt;
    const newest = deployments[0]!;
    deployments.unshift({ ...newest, id: "d-ADDED0001", createdAt: new Date(Date.now() - 3_600_000) });

    sim.current.state.resetCallCounts();
    const incremental = await syncDelivery(ws);
    expect([incremental.rowsInserted, incremental.rowsUpdated, incremental.rowsDeleted]).toEqual([1, 1, 0]);
    expect(batchGets()).toBeLessThan(fullReads / 3);

    const full = await workspaceWithDemoOrganization(sim.current, "Delivery, full read");
    await syncDelivery(full);
    const fullRows = await storedDeployments(full.workspace.id);
    expect(fullRows.find((d) => d.deploymentId === running.id)).toMatchObject({ status: "Succeeded", completedAt });
    expect(fullRows.some((d) => d.deploymentId === "d-ADDED0001")).toBe(true);
    expect(await storedDeployments(ws.workspace.id)).toEqual(fullRows);

    // A week after the last complete read, the next sync reads every deployment again.
    await db.$executeRaw`UPDATE "SyncRun" SET "startedAt" = "startedAt" - make_interval(days => ${FULL_READ_EVERY_DAYS})
                          WHERE "workspaceId" = ${ws.workspace.id}`;
    sim.current.state.resetCallCounts();
    await syncDelivery(ws);
    expect(batchGets()).toBe(fullReads);
  });

  it("reads the details of new and changed FIS experiments only, and stores what a full read stores", async () => {
    const ws = await workspaceWithDemoOrganization(sim.current, "Chaos");
    const accounts = await db.awsAccount.findMany({ where: { workspaceId: ws.workspace.id, accountId: { not: null } } });
    const [a, b] = accounts.map((x) => x.accountId!).filter((id) => chaos(sim.current.state.data, id).experiments.length >= 3);
    expect(b).toBeDefined();
    await syncDelivery(ws, ["chaos"]);
    const everyExperiment = accounts.flatMap((x) => chaos(sim.current.state.data, x.accountId!).experiments);
    expect(await db.fisExperiment.count({ where: { awsAccount: { workspaceId: ws.workspace.id } } })).toBe(
      everyExperiment.length,
    );

    // Stopped instead of completed; removed; and a new one in another account.
    const [changed, removed] = chaos(sim.current.state.data, a!).experiments;
    changed!.status = changed!.status === "stopped" ? "failed" : "stopped";
    changed!.reason = "Stopped by hand.";
    const experiments = chaos(sim.current.state.data, a!).experiments;
    experiments.splice(experiments.indexOf(removed!), 1);
    const others = chaos(sim.current.state.data, b!).experiments;
    others.push({ ...others[0]!, id: "EXPaddedSinceTheLastSync", arn: `${others[0]!.arn}-added` });

    sim.current.state.resetCallCounts();
    const incremental = await syncDelivery(ws, ["chaos"]);
    expect([incremental.rowsInserted, incremental.rowsUpdated, incremental.rowsDeleted]).toEqual([1, 1, 1]);
    expect(sim.current.state.callCount("fis", "GetExperiment")).toBe(2);

    const full = await workspaceWithDemoOrganization(sim.current, "Chaos, full read");
    await syncDelivery(full, ["chaos"]);
    const stored = async (workspaceId: string) =>
      (
        await db.fisExperiment.findMany({
          where: { awsAccount: { workspaceId } },
          include: { awsAccount: { select: { accountId: true } } },
          orderBy: [{ experimentId: "asc" }],
        })
      ).map(({ id: _i, awsAccountRef: _a, lastSeenRunId: _r, awsAccount, ...row }) => ({
        ...row,
        accountId: awsAccount.accountId,
      }));
    const fullRows = await stored(full.workspace.id);
    expect(fullRows.find((e) => e.experimentId === changed!.id)).toMatchObject({ reason: "Stopped by hand." });
    expect(await stored(ws.workspace.id)).toEqual(fullRows);
  });
});
