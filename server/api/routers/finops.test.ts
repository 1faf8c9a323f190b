import { describe, expect, it } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import { focusRows } from "~/server/test/focus-rows";
import { handleFinopsExport } from "~/server/finops/export-request";
import { addMember, workspaceWithOwner } from "~/server/test/fixtures";
import { createSession } from "~/server/users/users.service";

// The FinOps API on hand-built cost rows: who may read it, what the filters keep, that a drill-down
// adds up to the number it explains, and which source (Cost Explorer or FOCUS) a figure rests on.

const PROD = "210987654321";
const STAGING = "310987654321";
const FOCUS_ONLY = "410987654321";
const PERIOD = "2026-10";
const day = (d: number) => new Date(Date.UTC(2026, 9, d));
const D = (v: string) => new Prisma.Decimal(v);

async function connect(workspaceId: string, accountId: string, environment: "prod" | "staging") {
  return db.awsAccount.create({
    data: {
      workspaceId,
      kind: "account",
      externalId: "e".repeat(40),
      accountId,
      name: `shop-${environment}`,
      status: "connected",
      environment,
    },
  });
}

const ec2 = (
  awsAccountRef: string,
  d: number,
  accountId: string,
  instanceType: string,
  purchaseType: string,
  amortized: string,
  hours = "0",
) => ({
  awsAccountRef,
  day: day(d),
  accountId,
  instanceType,
  purchaseType,
  unblended: D(amortized),
  amortized: D(amortized),
  usageHours: D(hours),
  estimated: false,
});

/** PROD: m5.xlarge 0.1 + 0.2 on demand, m7g.xlarge 10 under a Savings Plan (12 committed, 2 unused, NetSavings 1). STAGING: c5.2xlarge 5 on demand. */
async function costWorkspace(name: string) {
  const owner = await workspaceWithOwner(name);
  const prod = await connect(owner.workspace.id, PROD, "prod");
  const staging = await connect(owner.workspace.id, STAGING, "staging");
  await db.ec2CostDaily.createMany({
    data: [
      ec2(prod.id, 1, PROD, "m5.xlarge", "*", "0.1"),
      ec2(prod.id, 2, PROD, "m5.xlarge", "*", "0.2"),
      ec2(prod.id, 1, PROD, "m7g.xlarge", "*", "10"),
      ec2(prod.id, 1, PROD, "*", "On Demand Instances", "0.3"),
      ec2(prod.id, 1, PROD, "*", "Savings Plans", "10"),
      ec2(prod.id, 1, "*", "m5.xlarge", "On Demand Instances", "0.3", "1.5"),
      ec2(prod.id, 1, "*", "m7g.xlarge", "Savings Plans", "10", "70"),
      ec2(staging.id, 1, STAGING, "c5.2xlarge", "*", "5"),
      ec2(staging.id, 1, STAGING, "*", "On Demand Instances", "5"),
      ec2(staging.id, 1, "*", "c5.2xlarge", "On Demand Instances", "5", "14.7"),
    ],
  });
  await db.commitmentDaily.create({
    data: {
      awsAccountRef: prod.id,
      day: day(1),
      kind: "sp_utilization",
      accountId: "*",
      subscriptionId: "*",
      commitment: D("12"),
      used: D("10"),
      unused: D("2"),
      netSavings: D("1"),
    },
  });
  return owner;
}

describe("finops API", () => {
  it("lets a viewer read the figures, each a sum of its accounts, with the ODE identity and exact decimals", async () => {
    const { caller, slug } = await costWorkspace("FinOpsRead");
    const { caller: viewer } = await addMember(caller, slug, "viewer", "Vera");
    const o = await viewer.finops.overview({ workspace: slug, period: PERIOD });
    const h = o.headline;
    expect(o.source).toMatchObject({ kind: "cost-explorer", note: "Cost Explorer for 2 accounts." });
    expect(h.ec2Spend.value).toBe("15.3");
    // PROD's Savings Plan: net 1, waste 2 → ODE = 15.3 + 2 + 0 + 1 = 18.3; ESR = 1 − 17.3 ÷ 18.3.
    expect([h.realized.commitments.value, h.waste.savingsPlans.value, h.onDemandEquivalent.value]).toEqual(["1", "2", "18.3"]);
    expect(h.esr.value).toBe("0.054645");
    expect(h.realized.spot.value).toBe("0");
    expect(h.esr.formula).toContain("ESR = 1 −");
    expect(o.byAccount.map((a) => [a.key, a.ec2Spend])).toEqual([
      [PROD, "10.3"],
      [STAGING, "5"],
    ]);
    const waste = await viewer.finops.rows({ workspace: slug, drill: h.waste.total.drill! });
    expect([waste.total, waste.sum]).toEqual([1, "2"]);
    expect(o.trend.at(-1)).toMatchObject({ month: PERIOD, byArchitecture: { graviton: "10", x86: "5.3", other: "0" } });
  });

  it("applies the filters as the maturity scope does, and a drill-down adds up to the number it explains", async () => {
    const { caller, slug } = await costWorkspace("FinOpsFilter");
    const prod = await caller.finops.overview({ workspace: slug, period: PERIOD, environment: "prod" });
    expect(prod.headline.ec2Spend.value).toBe("10.3");
    expect(prod.byAccount.map((a) => a.key)).toEqual([PROD]);
    const staging = await caller.finops.overview({ workspace: slug, period: PERIOD, accountId: STAGING });
    expect([staging.headline.ec2Spend.value, staging.headline.esr.value]).toEqual(["5", "0"]);
    expect(
      (await caller.finops.overview({ workspace: slug, period: PERIOD, ou: "/Workloads" })).headline.ec2Spend.value,
    ).toBeNull();

    const drill = prod.byAccount[0]!.drill;
    const rows = await caller.finops.rows({ workspace: slug, drill, pageSize: 2 });
    expect(rows).toMatchObject({ total: 3, sum: "10.3", page: 1 });
    expect(rows.rows).toHaveLength(2);
    const gravitonRows = await caller.finops.rows({ workspace: slug, drill: { ...drill, architecture: "graviton" } });
    expect(gravitonRows.sum).toBe(prod.trend.at(-1)?.byArchitecture.graviton);
    await expect(caller.finops.overview({ workspace: slug, period: "2026-13" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("answers NOT_FOUND to another workspace for every procedure and the export, by session; a token sees its own only", async () => {
    const { caller, slug } = await costWorkspace("FinOpsOwner");
    const other = await workspaceWithOwner("FinOpsOther");
    await expect(other.caller.finops.overview({ workspace: slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const drill = (await caller.finops.overview({ workspace: slug, period: PERIOD })).byAccount[0]!.drill;
    await expect(other.caller.finops.rows({ workspace: slug, drill })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const session = await createSession({ userId: other.owner.id });
    const bySession = (query: string) =>
      handleFinopsExport(
        new Request(`http://ladder.test/api/v1/finops/export?${query}`, {
          headers: { cookie: `next-auth.session-token=${session.sessionToken}` },
        }),
      );
    await expect(bySession(`table=accounts&workspace=${slug}`)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const { token } = await other.caller.tokens.create({ workspace: other.slug, name: "BI", role: "viewer" });
    const byToken = (query: string) =>
      handleFinopsExport(
        new Request(`http://ladder.test/api/v1/finops/export?${query}`, { headers: { authorization: `Bearer ${token}` } }),
      );
    await expect(byToken(`table=accounts&workspace=${slug}`)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const own = (await (await byToken(`table=accounts&format=json&period=${PERIOD}`)).json()) as { rows: unknown[] };
    expect(own.rows).toEqual([]);
  });

  it("exports every table as CSV and JSON with the filters", async () => {
    const { caller, slug } = await costWorkspace("FinOpsExport");
    const { token } = await caller.tokens.create({ workspace: slug, name: "BI", role: "viewer" });
    const get = (query: string) =>
      handleFinopsExport(
        new Request(`http://ladder.test/api/v1/finops/export?${query}`, { headers: { authorization: `Bearer ${token}` } }),
      );
    const csv = await (await get(`table=accounts&format=csv&period=${PERIOD}&environment=prod`)).text();
    const [header, ...lines] = csv.trim().split("\n");
    expect(header).toBe("period,key,label,ec2Spend,gravitonShare,spotShare,realized,potential,esr");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${PERIOD},${PROD},shop-prod,10.3,`));
    const rows = (await (await get(`table=rows&format=json&period=${PERIOD}`)).json()) as { rows: { effectiveCost: string }[] };
    expect(rows.rows.map((r) => r.effectiveCost).sort()).toEqual(["0.1", "0.2", "10", "5"]);
    // The rows behind one number: the page's drill-down link, as finopsExportPath writes it.
    const drilled = (await (
      await get(
        `table=rows&format=json&period=${PERIOD}&account=${PROD}&drillTable=ec2&from=2026-10-01&to=2026-11-01&instanceType=m5.xlarge`,
      )
    ).json()) as { rows: { effectiveCost: string; instanceType: string }[] };
    expect(drilled.rows.map((r) => [r.instanceType, r.effectiveCost]).sort()).toEqual([
      ["m5.xlarge", "0.1"],
      ["m5.xlarge", "0.2"],
    ]);
    await expect(get(`table=rows&drillTable=ec2&from=2026-10-01&to=someday`)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      field: "to",
    });
    for (const table of ["ous", "environments", "nodepools", "commitments", "trend"]) {
      expect((await get(`table=${table}&format=json&period=${PERIOD}`)).status, table).toBe(200);
    }
    await expect(get("table=bills")).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lists commitments expiring within 90 days and CE's recommendations, and prices commitment potential with them", async () => {
    const { caller, slug, workspace } = await costWorkspace("FinOpsCommitments");
    const staging = await db.awsAccount.findFirstOrThrow({ where: { workspaceId: workspace.id, accountId: STAGING } });
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000);
    await db.commitment.createMany({
      data: [
        {
          awsAccountRef: staging.id,
          kind: "ri",
          commitmentId: "ri-soon",
          offering: "m5.xlarge",
          instanceCount: 4,
          endsAt: inDays(30),
        },
        { awsAccountRef: staging.id, kind: "sp", commitmentId: "sp-later", offering: "ComputeSavingsPlans", endsAt: inDays(200) },
      ],
    });
    await db.savingsPlanRecommendation.create({
      data: {
        awsAccountRef: staging.id,
        savingsPlansType: "COMPUTE_SP",
        termInYears: "ONE_YEAR",
        paymentOption: "NO_UPFRONT",
        lookbackDays: 30,
        estimatedMonthlySavings: D("0.73"),
      },
    });
    const o = await caller.finops.overview({ workspace: slug, period: PERIOD });
    expect(o.commitments.expiring.map((c) => [c.commitmentId, c.daysLeft])).toEqual([["ri-soon", 30]]);
    expect(o.commitments.recommendations).toEqual([
      expect.objectContaining({ savingsPlansType: "COMPUTE_SP", estimatedMonthlySavings: "0.73" }),
    ]);
    // STAGING: c5.2xlarge 5 on demand → 4 after Graviton (c6g 0.272 ÷ c5 0.34); CE's 0.73 a month × 744 h ÷ 730 × 4 ÷ 5.
    // PROD (no recommendation): m5.xlarge 0.3 → 0.3 × 0.154 ÷ 0.192 = 0.240625 after Graviton, × 20%.
    expect(o.headline.potential.commitments.value).toBe("0.643325");
    expect(o.headline.potential.commitments.basis).toEqual(expect.arrayContaining(["cost-explorer", "fallback-percentage"]));
  });

  it("works from FOCUS rows alone, with other providers kept apart", async () => {
    const { caller, slug, workspace } = await workspaceWithOwner("FocusOnly");
    await focusRows(workspace.id, [
      { account: FOCUS_ONLY, effective: "0.1", list: "0.1" },
      { account: FOCUS_ONLY, effective: "0.2", list: "0.2" },
      { account: FOCUS_ONLY, effective: "3", list: "10", pricing: "Dynamic" },
      { account: "gcp-project", provider: "Google Cloud", effective: "7", list: "7" },
    ]);
    const o = await caller.finops.overview({ workspace: slug, period: PERIOD });
    expect(o.source).toMatchObject({
      kind: "focus",
      otherProviders: [{ provider: "Google Cloud", effectiveCost: "7", billedCost: "7" }],
    });
    expect([o.headline.ec2Spend.value, o.headline.realized.spot.value, o.headline.onDemandEquivalent.value]).toEqual([
      "3.3",
      "7",
      "10.3",
    ]);
    expect(o.headline.realized.spot.basis).toContain("focus");
    expect(o.byAccount.map((a) => a.label)).toEqual([`focus-${FOCUS_ONLY}`]);
    const rows = await caller.finops.rows({ workspace: slug, drill: o.headline.ec2Spend.drill! });
    expect(rows.sum).toBe("3.3");
  });

  it("uses FOCUS where it and Cost Explorer cover the same account and month, and says so", async () => {
    const { caller, slug, workspace } = await costWorkspace("FinOpsOverlap");
    await focusRows(workspace.id, [{ account: PROD, effective: "9", list: "9" }]);
    const o = await caller.finops.overview({ workspace: slug, period: PERIOD });
    expect(o.source.kind).toBe("mixed");
    expect(o.source.note).toContain("FOCUS export (invoice-grade) for 1 account, Cost Explorer for 1 account");
    expect(o.byAccount.map((a) => [a.key, a.ec2Spend])).toEqual([
      [PROD, "9"],
      [STAGING, "5"],
    ]);
    expect(o.headline.ec2Spend.value).toBe("14");
  });
});
