import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { PRICE_REGION } from "~/server/finops/prices/price-book";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { waitForRun, workspaceWithDemoOrganization } from "~/server/test/sync-helpers";
import { startSync } from "./runs.service";
import { startWorker } from "./worker";

const sim = useAwsSimulator({ demoRoles: false });
let worker: Awaited<ReturnType<typeof startWorker>>;

beforeAll(async () => {
  worker = await startWorker({ concurrency: 2, pollingIntervalSeconds: 0.5 });
});
afterAll(() => worker.stop());
afterEach(() => sim.current.state.clearFaults());

// The demo's instance types, their Graviton equivalents (m5 → m6g…) and x86 ones (m7g → m7i…).
const DEMO_TYPES = ["m5.xlarge", "c5.2xlarge", "r5.large", "m7g.xlarge", "c7g.2xlarge", "r7g.large"];
const EQUIVALENTS = ["m6g.xlarge", "c6g.2xlarge", "r6g.large", "m7i.xlarge", "c7i.2xlarge", "r7i.large"];
const DAY_MS = 86_400_000;

async function syncCost(workspaceId: string, ownerId: string) {
  const run = await startSync({ workspaceId, actor: { userId: ownerId }, trigger: "manual", sources: ["cost"] });
  return waitForRun(workspaceId, run.id, 120_000);
}

// List prices are shared by every workspace (and test file): instead of deleting them, make them
// two days old, so that the next sync must fetch them again.
const ageListPrices = () => db.instancePrice.updateMany({ data: { fetchedAt: new Date(Date.now() - 2 * DAY_MS) } });

const getProductsCalls = () => sim.current.state.callCount("pricing", "GetProducts");

describe("the cost source's FinOps reads", () => {
  it("stores list prices, the commitments held and CE's recommendation; a second sync within a day asks no prices", async () => {
    const ws = await workspaceWithDemoOrganization(sim.current, "FinOps prices");
    // Another test file's sync running at the same moment may refresh the shared prices between
    // the ageing and this sync (it then asks none): age them again and sync again, at most thrice.
    let before: Date;
    let callsBefore: number;
    let first: Awaited<ReturnType<typeof syncCost>>;
    for (let attempt = 1; ; attempt++) {
      await ageListPrices();
      before = new Date();
      callsBefore = getProductsCalls();
      first = await syncCost(ws.workspace.id, ws.owner.id);
      if (getProductsCalls() > callsBefore || attempt === 3) break;
    }
    expect(first.status).toBe("succeeded");
    expect(first.permissionGaps).toEqual([]);

    const prices = await db.instancePrice.findMany({
      where: { region: PRICE_REGION, instanceType: { in: [...DEMO_TYPES, ...EQUIVALENTS] } },
    });
    expect(prices.map((p) => p.instanceType).sort()).toEqual([...DEMO_TYPES, ...EQUIVALENTS].sort());
    expect(prices.every((p) => p.fetchedAt >= before)).toBe(true);
    const price = (type: string) => prices.find((p) => p.instanceType === type)?.usdPerHour.toString();
    expect([price("m5.xlarge"), price("m6g.xlarge"), price("c7i.2xlarge"), price("r7g.large")]).toEqual([
      "0.192",
      "0.154",
      "0.357",
      "0.1071",
    ]);
    // One GetProducts per type, counted in the run under the Price List service.
    expect(getProductsCalls() - callsBefore).toBe(DEMO_TYPES.length + EQUIVALENTS.length);
    expect(first.apiCalls.pricing).toBe(DEMO_TYPES.length + EQUIVALENTS.length);
    expect(first.apiCallsByService).toContainEqual({ service: "pricing", name: "AWS Price List", calls: 12 });
    // The three new Cost Explorer requests are billed like the others.
    const task = first.tasks[0]!;
    const calls = task.apiCalls as Record<string, number>;
    expect(calls["costExplorer:GetSavingsPlansUtilizationDetails"]).toBe(1);
    expect(calls["costExplorer:GetSavingsPlansPurchaseRecommendation"]).toBe(1);
    const ceCalls = Object.entries(calls)
      .filter(([key]) => key.startsWith("costExplorer:"))
      .reduce((n, [, c]) => n + c, 0);
    expect(first.ceRequests).toBe(ceCalls);

    const payerRef = task.awsAccountRef;
    const commitments = await db.commitment.findMany({ where: { awsAccountRef: payerRef }, orderBy: { kind: "asc" } });
    expect(commitments.map((c) => [c.kind, c.offering])).toEqual([
      ["ri", "m5.xlarge"],
      ["sp", "ComputeSavingsPlans"],
    ]);
    const model = sim.current.state.data.costs;
    const [ri, sp] = commitments;
    expect(ri!.instanceCount).toBe(model.reservedInstanceCount);
    // The subscription's fee per hour: instances × the 1-year No Upfront rate of m5.xlarge (0.6 × 0.192).
    expect(ri!.hourlyCommitment?.toNumber()).toBeCloseTo(model.reservedInstanceCount * 0.1152, 2);
    expect(sp!.hourlyCommitment?.toString()).toBe(String(Number(model.savingsPlanHourlyCommitment.toFixed(2))));
    const daysLeft = (c: { endsAt: Date | null }) => (c.endsAt!.getTime() - Date.now()) / DAY_MS;
    expect(daysLeft(ri!)).toBeGreaterThan(0);
    expect(daysLeft(ri!)).toBeLessThanOrEqual(90);
    expect(daysLeft(sp!)).toBeGreaterThan(daysLeft(ri!));

    const recommendations = await db.savingsPlanRecommendation.findMany({ where: { awsAccountRef: payerRef } });
    expect(recommendations).toHaveLength(1);
    expect(recommendations[0]).toMatchObject({
      savingsPlansType: "COMPUTE_SP",
      termInYears: "ONE_YEAR",
      paymentOption: "NO_UPFRONT",
      lookbackDays: 30,
    });
    expect(recommendations[0]!.hourlyCommitment?.toString()).toBe("0");
    expect(recommendations[0]!.generatedAt).not.toBeNull();

    const callsAfterFirst = getProductsCalls();
    const second = await syncCost(ws.workspace.id, ws.owner.id);
    expect(second.status).toBe("succeeded");
    expect(getProductsCalls()).toBe(callsAfterFirst);
    expect(second.apiCalls.pricing).toBeUndefined();
    expect(second.rowsInserted).toBe(0);
    expect(second.rowsDeleted).toBe(0);
    expect(await db.commitment.count({ where: { awsAccountRef: payerRef } })).toBe(2);
  });

  it("records a role without pricing:GetProducts or the new CE actions as permission gaps of a succeeded run", async () => {
    const ws = await workspaceWithDemoOrganization(sim.current, "FinOps denied");
    await ageListPrices();
    sim.current.state.addFault({ kind: "access-denied", service: "pricing", action: "GetProducts" });
    sim.current.state.addFault({ kind: "access-denied", service: "ce", action: "GetSavingsPlansUtilizationDetails" });
    const run = await syncCost(ws.workspace.id, ws.owner.id);
    expect(run.status).toBe("succeeded");
    expect(run.errors).toEqual([]);
    const payer = sim.current.state.managementAccountId;
    expect(run.permissionGaps).toEqual([
      { accountId: payer, source: "cost", action: "ce:GetSavingsPlansUtilizationDetails" },
      { accountId: payer, source: "cost", action: "pricing:GetProducts" },
    ]);
    expect(run.tasks[0]!.status).toBe("succeeded");
    const payerRef = run.tasks[0]!.awsAccountRef;
    // Everything else of the cost source is there: daily cost, the reservation, the recommendation.
    expect(await db.costDaily.count({ where: { awsAccountRef: payerRef } })).toBeGreaterThan(0);
    expect((await db.commitment.findMany({ where: { awsAccountRef: payerRef } })).map((c) => c.kind)).toEqual(["ri"]);
    expect(await db.savingsPlanRecommendation.count({ where: { awsAccountRef: payerRef } })).toBe(1);
  });
});
