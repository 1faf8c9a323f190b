import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { countRows, waitForRun, waitForSnapshot, workspaceWithDemoOrganization } from "~/server/test/sync-helpers";
import { startSync } from "./runs.service";
import { startWorker } from "./worker";

const sim = useAwsSimulator({ demoRoles: false });
let worker: Awaited<ReturnType<typeof startWorker>>;

beforeAll(async () => {
  worker = await startWorker({ concurrency: 4, pollingIntervalSeconds: 0.5 });
});
afterAll(() => worker.stop());

describe("sync", () => {
  it("pulls the organisation into Postgres and a second run adds no duplicates", async () => {
    const ws = await workspaceWithDemoOrganization(sim.current);
    const first = await startSync({
      workspaceId: ws.workspace.id,
      actor: { userId: ws.owner.id },
      trigger: "manual",
      sources: ["organization"],
    });
    const run = await waitForRun(ws.workspace.id, first.id);
    expect(run.status).toBe("succeeded");
    const org = sim.current.state.organization;
    const expected = { members: org.accounts.length, units: org.units.length, policies: org.policies.length };
    expect(await countRows(ws.organizationRef)).toEqual(expected);
    expect(run.rowsInserted).toBeGreaterThanOrEqual(expected.members + expected.units + expected.policies);
    expect(run.apiCalls.organizations).toBeGreaterThan(0);

    const second = await waitForRun(
      ws.workspace.id,
      (
        await startSync({
          workspaceId: ws.workspace.id,
          actor: { userId: ws.owner.id },
          trigger: "manual",
          sources: ["organization"],
        })
      ).id,
    );
    expect(second.status).toBe("succeeded");
    expect(second.rowsInserted).toBe(0);
    // Only what changes in AWS between two reads (a trail's latest delivery time) is rewritten.
    expect(second.rowsUpdated).toBeLessThanOrEqual(
      await db.awsTrail.count({ where: { awsAccount: { workspaceId: ws.workspace.id } } }),
    );
    expect(second.rowsDeleted).toBe(0);
    expect(await countRows(ws.organizationRef)).toEqual(expected);
  });

  it("reads 13 months of cost once from the payer, closed months by month, then only what can have changed", async () => {
    const ws = await workspaceWithDemoOrganization(sim.current, "Cost");
    const ceBefore = ceCalls();
    const first = await waitForRun(
      ws.workspace.id,
      (await startSync({ workspaceId: ws.workspace.id, actor: { userId: ws.owner.id }, trigger: "manual", sources: ["cost"] }))
        .id,
    );
    expect(first.status).toBe("succeeded");
    expect(first.tasks).toHaveLength(1);
    expect(first.ceRequests).toBe(ceCalls() - ceBefore);
    expect(first.ceCostUsd).toBe((first.ceRequests / 100).toFixed(2));
    const payerRef = first.tasks[0]!.awsAccountRef;
    // Service costs: one row per month, 13 of them, the current one to date.
    const months = await db.costDaily.groupBy({ by: ["day"], where: { awsAccountRef: payerRef } });
    expect(months).toHaveLength(13);
    expect(months.every((m) => m.day.getUTCDate() === 1)).toBe(true);
    const accounts = await db.costDaily.groupBy({ by: ["accountId"], where: { awsAccountRef: payerRef } });
    expect(accounts.length).toBe(sim.current.state.organization.accounts.length);
    // EC2: the twelve closed months by month, and the current one to date.
    const now = new Date();
    const currentMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const ec2Days = await db.ec2CostDaily.groupBy({ by: ["day"], where: { awsAccountRef: payerRef } });
    const closed = ec2Days.filter((d) => d.day < currentMonth);
    expect(closed).toHaveLength(12);
    expect(ec2Days.every((d) => d.day.getUTCDate() === 1)).toBe(true);
    const mark = await db.costReadMark.findUniqueOrThrow({ where: { awsAccountRef: payerRef } });
    // Last month still estimated (early in the month): the re-sync probes it with one request.
    const probe = mark.finalBefore < currentMonth ? 1 : 0;
    const rowsAfterFirst = await db.costDaily.count({ where: { awsAccountRef: payerRef } });
    const ec2RowsAfterFirst = await db.ec2CostDaily.count({ where: { awsAccountRef: payerRef } });
    // Each grouping Cost Explorer allows lands with "*" in the column it did not group by.
    for (const where of [{ purchaseType: "*" }, { instanceType: "*" }, { accountId: "*" }]) {
      expect(
        await db.ec2CostDaily.count({
          where: { awsAccountRef: payerRef, ...where, NOT: { instanceType: "*", purchaseType: "*" } },
        }),
      ).toBeGreaterThan(0);
    }
    for (const where of [{ purchaseType: "*" }, { accountId: "*" }]) {
      expect(await db.nodePoolCostDaily.count({ where: { awsAccountRef: payerRef, ...where } })).toBeGreaterThan(0);
    }
    expect(await db.ec2CostDaily.count({ where: { awsAccountRef: payerRef, usageHours: { gt: 0 } } })).toBeGreaterThan(0);

    const second = await waitForRun(
      ws.workspace.id,
      (await startSync({ workspaceId: ws.workspace.id, actor: { userId: ws.owner.id }, trigger: "manual", sources: ["cost"] }))
        .id,
    );
    expect(second.status).toBe("succeeded");
    // A small organisation's reads fit one page each, so the re-sync pays as many requests, and
    // the probe; what it no longer re-reads are the closed months.
    expect(second.ceRequests).toBe(first.ceRequests + probe);
    expect(second.rowsUpdated).toBe(0);
    expect(second.rowsInserted).toBe(0);
    expect(second.rowsDeleted).toBe(0);
    expect(await db.costDaily.count({ where: { awsAccountRef: payerRef } })).toBe(rowsAfterFirst);
    expect(await db.ec2CostDaily.count({ where: { awsAccountRef: payerRef } })).toBe(ec2RowsAfterFirst);
  }, 90_000);

  // Two whole-organisation syncs with an evaluation each: on a loaded 2-core machine, near the default 30 s.
  it("syncs every source of the whole organisation, and a second run changes nothing", async () => {
    const ws = await workspaceWithDemoOrganization(sim.current, "Everything");
    const start = () => startSync({ workspaceId: ws.workspace.id, actor: { userId: ws.owner.id }, trigger: "manual" });
    const first = await waitForRun(ws.workspace.id, (await start()).id, 120_000);
    expect(first.errors).toEqual([]);
    expect(first.permissionGaps).toEqual([]);
    expect(first.status).toBe("succeeded");
    const accounts = sim.current.state.organization.accounts.length;
    // Two organisation-wide tasks plus five per account.
    expect(first.tasksTotal).toBe(2 + 5 * accounts);
    const counts = await tableCounts(ws.workspace.id);
    for (const [table, count] of Object.entries(counts)) expect(count, table).toBeGreaterThan(0);
    expect(
      await db.xraySamplingRule.count({ where: { awsAccount: { workspaceId: ws.workspace.id }, fixedRate: 1 } }),
    ).toBeGreaterThan(0);
    expect(
      await db.fisTemplate.count({ where: { awsAccount: { workspaceId: ws.workspace.id }, hasStopConditions: false } }),
    ).toBeGreaterThan(0);

    // The finished run is evaluated by the worker, every connected account of the organisation.
    const snapshot = await waitForSnapshot(ws.workspace.id, first.id);
    expect(snapshot).toMatchObject({ trigger: "sync", accounts });
    expect(await db.maturityResult.count({ where: { workspaceId: ws.workspace.id } })).toBe(accounts * snapshot.checks);

    const second = await waitForRun(ws.workspace.id, (await start()).id, 120_000);
    expect(second.status).toBe("succeeded");
    expect(second.rowsInserted).toBe(0);
    expect(second.rowsDeleted).toBe(0);
    expect(await tableCounts(ws.workspace.id)).toEqual(counts);
    // Nothing changed in AWS, so the next evaluation changes no check.
    await waitForSnapshot(ws.workspace.id, second.id);
    expect(await db.maturityChange.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
  }, 90_000);
});

async function tableCounts(workspaceId: string) {
  const byAccount = { awsAccount: { workspaceId } };
  return {
    repositories: await db.ecrRepository.count({ where: byAccount }),
    images: await db.ecrImage.count({ where: byAccount }),
    findings: await db.ecrFinding.count({ where: byAccount }),
    inspector: await db.inspectorFinding.count({ where: byAccount }),
    templates: await db.fisTemplate.count({ where: byAccount }),
    experiments: await db.fisExperiment.count({ where: byAccount }),
    alarms: await db.cloudWatchAlarm.count({ where: byAccount }),
    incidents: await db.incident.count({ where: { workspaceId } }),
    groups: await db.deploymentGroup.count({ where: byAccount }),
    deployments: await db.deployment.count({ where: byAccount }),
    samplingRules: await db.xraySamplingRule.count({ where: byAccount }),
    clusters: await db.eksCluster.count({ where: byAccount }),
    addons: await db.eksAddon.count({ where: byAccount }),
    // The cost tables have no relation to AwsAccount (see schema.prisma): filter by its ids.
    cost: await db.costDaily.count({
      where: { awsAccountRef: { in: (await db.awsAccount.findMany({ where: { workspaceId } })).map((a) => a.id) } },
    }),
  };
}

function ceCalls(): number {
  return Object.entries(sim.current.state.callCounts())
    .filter(([key]) => key.startsWith("ce:"))
    .reduce((n, [, count]) => n + count, 0);
}
