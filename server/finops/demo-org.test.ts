import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { startWorker } from "~/server/ingest/worker";
import { syncEverything } from "~/server/maturity/load/demo-org-setup";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { workspaceWithDemoOrganization } from "~/server/test/sync-helpers";
import type { FinOpsOverview } from "./types";

// The demo organisation synced from the simulator: the unfiltered figures are Cost Explorer's
// organisation figures, a filtered one is the sum of its accounts, and the story of
// simulator/data/cost-*.ts reads off the page (Graviton rising, Spot with Karpenter, idle RIs).

const sim = useAwsSimulator({ demoRoles: false });
let worker: Awaited<ReturnType<typeof startWorker>>;
let ws: Awaited<ReturnType<typeof workspaceWithDemoOrganization>>;
let overview: FinOpsOverview;
let payerRef: string;

beforeAll(async () => {
  worker = await startWorker({ concurrency: 4, pollingIntervalSeconds: 0.5 });
  ws = await workspaceWithDemoOrganization(sim.current, "Demo FinOps");
  await syncEverything(ws);
  overview = await ws.caller.finops.overview({ workspace: ws.slug });
  payerRef = (await db.awsAccount.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, kind: "organization" } })).id;
}, 180_000);
afterAll(() => worker.stop());

const sumOf = (rows: { [k: string]: unknown }[], column: string) =>
  rows.reduce((total, r) => total.plus(r[column] as Prisma.Decimal), new Prisma.Decimal(0));
const round = (d: Prisma.Decimal) => d.toDecimalPlaces(6).toFixed();

describe("the demo organisation's FinOps figures", () => {
  it("equal Cost Explorer's organisation figures for the last full month", async () => {
    const { from, to } = overview.headline.period;
    const day = { gte: new Date(`${from}T00:00:00Z`), lt: new Date(`${to}T00:00:00Z`) };
    const byType = await db.ec2CostDaily.findMany({
      where: { awsAccountRef: payerRef, day, purchaseType: "*", NOT: [{ accountId: "*" }, { instanceType: "*" }] },
    });
    const commitments = await db.commitmentDaily.findMany({
      where: { awsAccountRef: payerRef, day, accountId: "*", kind: { in: ["ri_utilization", "sp_utilization"] } },
    });
    const riUnused = sumOf(
      commitments.filter((c) => c.kind === "ri_utilization"),
      "unused",
    );
    const h = overview.headline;
    // EC2 spend is the bill's EC2 usage without the unused RI fee CE books on the management account.
    expect(h.ec2Spend.value).toBe(round(sumOf(byType, "amortized").minus(riUnused)));
    expect(h.waste.total.value).toBe(round(sumOf(commitments, "unused")));
    expect(h.realized.commitments.value).toBe(round(sumOf(commitments, "netSavings")));
    // ODE − (EC + waste) = realized Spot + realized commitments (net).
    const ode = new Prisma.Decimal(h.onDemandEquivalent.value!);
    const paid = new Prisma.Decimal(h.ec2Spend.value!).plus(h.waste.total.value!);
    // Amounts are stored to ten decimals and each figure is shown to six, so the identity holds
    // to within the rounding of its three terms.
    const gap = ode.minus(paid).minus(h.realized.total.value!).abs();
    expect(gap.lte("0.000002"), `ODE − paid − realized = ${gap.toFixed()}`).toBe(true);
    const accounts = overview.byAccount.reduce((t, a) => t.plus(a.ec2Spend ?? 0), new Prisma.Decimal(0));
    // Each account's figure is rounded to six decimals: their sum may differ by half a unit each.
    const accountsGap = accounts.minus(h.ec2Spend.value!).abs();
    expect(accountsGap.lte(new Prisma.Decimal("0.0000005").times(overview.byAccount.length)), accountsGap.toFixed()).toBe(true);
    expect(overview.source.kind).toBe("cost-explorer");
  });

  it("tells the story: Graviton rising, Spot arriving with Karpenter, Reserved Instances left idle", () => {
    const months = overview.trend.filter((m) => m.gravitonShare !== null);
    expect(Number(months[0]?.gravitonShare)).toBeLessThan(0.15);
    expect(Number(months.at(-1)?.gravitonShare)).toBeGreaterThan(0.4);
    expect(overview.karpenterArrived).not.toBeNull();
    for (const m of months) {
      if (m.month < overview.karpenterArrived!) expect(m.spotShare, m.month).toBe("0");
    }
    expect(Number(months.at(-1)?.spotShare)).toBeGreaterThan(0.2);
    const callout = overview.karpenterRiCallout;
    expect(callout?.karpenterSince).toBe(overview.karpenterArrived);
    expect(Number(callout?.totalUnusedRiCost)).toBeGreaterThan(1000);
    expect(Number(overview.commitments.months.at(-1)?.riUtilisation)).toBeLessThan(0.8);
    expect(overview.nodePools.find((p) => p.nodePool === "spot")).toMatchObject({ spotShare: "1" });
    expect(overview.nodePools.at(-1)?.nodePool).toBe("");
  });

  it("sums a filtered view from its accounts, and drills down to the rows behind a number", async () => {
    const prod = await ws.caller.finops.overview({ workspace: ws.slug, ou: "/Workloads/Prod" });
    const prodAccounts = overview.byAccount.filter((a) => prod.byAccount.some((p) => p.key === a.key));
    expect(prodAccounts).toHaveLength(3);
    expect(prod.headline.ec2Spend.value).toBe(round(prodAccounts.reduce((t, a) => t.plus(a.ec2Spend!), new Prisma.Decimal(0))));
    const account = prod.byAccount[0]!;
    const rows = await ws.caller.finops.rows({ workspace: ws.slug, drill: account.drill, pageSize: 10 });
    expect(rows.sum).toBe(account.ec2Spend);
    // A closed month is read by month (decision 0007): one row per instance and purchase type,
    // dated the month's first day.
    expect(rows.rows.length).toBeGreaterThan(1);
    expect(rows.total).toBe(rows.rows.length);
    expect(new Set(rows.rows.map((r) => r.day))).toEqual(new Set([prod.headline.period.from]));
  });
});
