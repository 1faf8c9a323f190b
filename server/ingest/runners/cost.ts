import {
  costWindow,
  dailyCostByAccountAndNodePool,
  dailyCostByAccountAndService,
  dailyCostByNodePool,
  dailyEc2ByInstanceAndPurchaseType,
  dailyEc2ByInstanceType,
  dailyEc2ByPurchaseType,
  reservationCoverage,
  reservationUtilization,
  savingsPlansCoverage,
  savingsPlansUtilization,
  stillEstimated,
  type CostReadOptions,
  type CostWindow,
} from "~/server/aws/sources/cost-explorer";
import { mapLimit } from "~/server/aws/sources/concurrency";
import type { FetchContext } from "~/server/aws/sources/types";
import { db } from "~/server/db";
import { costReadPlan, nextMark, planAfterProbe, type CostReadPlan } from "../cost-read-plan";
import { addCounts, emptyResult, type SourceContext, type SourceResult, type SourceRunner } from "../sources";
import { scopeWriter, type ScopeWriter } from "../scope-writer";
import { deleteUnseen, type Row } from "../upsert";
import { syncCommitmentsHeld, syncListPrices, syncSavingsPlanRecommendation } from "./finops";

const SERIES_CONCURRENCY = 4;

// "*" marks the column a Cost Explorer query did not group by (it allows two GroupBys).
const ALL = "*";

/** One read of a series: a window at one granularity. */
export interface CostRead {
  window: CostWindow;
  options: CostReadOptions;
}

export interface Series {
  table: string;
  key: string[];
  // A table several series share is cleaned once, after all of them were read.
  rows(fetch: FetchContext, read: CostRead, now: Date): AsyncGenerator<Row[]>;
  /** What a sync reads of it: GetCostAndUsage series follow the plan (by month), the commitment series their own window. */
  reads: "plan" | "commitments";
}

async function* mapped<T>(pages: AsyncGenerator<T[]>, toRow: (record: T) => Row): AsyncGenerator<Row[]> {
  for await (const page of pages) yield page.map(toRow);
}

const ec2Key = ["awsAccountRef", "day", "accountId", "instanceType", "purchaseType"];
const nodePoolKey = ["awsAccountRef", "day", "accountId", "nodePool", "purchaseType"];
const commitmentKey = ["awsAccountRef", "day", "kind", "accountId", "subscriptionId"];

interface GroupedCost {
  day: string;
  unblendedCost: string;
  amortizedCost: string;
  estimated: boolean;
  usageQuantity?: string;
}

// A series grouped by two of the key's columns: the column the query did not group by is ALL.
function grouped<R extends GroupedCost>(
  table: string,
  key: string[],
  fetch: (f: FetchContext, w: CostWindow, o: CostReadOptions) => AsyncGenerator<R[]>,
): Series {
  const groupColumns = key.filter((k) => k !== "awsAccountRef" && k !== "day");
  const withHours = table === "Ec2CostDaily";
  // Millions of rows per first sync: each is built in place, without spreads or temporary arrays.
  return {
    table,
    key,
    reads: "plan",
    rows: (f, read) =>
      mapped(fetch(f, read.window, read.options), (r) => {
        const record = r as unknown as Record<string, unknown>;
        const row: Row = { day: r.day };
        for (const column of groupColumns) row[column] = record[column] ?? ALL;
        row.unblended = r.unblendedCost;
        row.amortized = r.amortizedCost;
        if (withHours) row.usageHours = r.usageQuantity ?? "0";
        row.estimated = r.estimated;
        return row;
      }),
  };
}

export const costSeries: Series[] = [
  {
    table: "CostDaily",
    key: ["awsAccountRef", "day", "accountId", "service"],
    reads: "plan",
    rows: (f, read) =>
      mapped(dailyCostByAccountAndService(f, read.window, read.options), (r) => ({
        day: r.day,
        accountId: r.accountId,
        service: r.service,
        unblended: r.unblendedCost,
        amortized: r.amortizedCost,
        currency: r.currency,
        estimated: r.estimated,
      })),
  },
  grouped("Ec2CostDaily", ec2Key, dailyEc2ByInstanceType),
  grouped("Ec2CostDaily", ec2Key, dailyEc2ByPurchaseType),
  grouped("Ec2CostDaily", ec2Key, dailyEc2ByInstanceAndPurchaseType),
  grouped("NodePoolCostDaily", nodePoolKey, dailyCostByNodePool),
  grouped("NodePoolCostDaily", nodePoolKey, dailyCostByAccountAndNodePool),
  {
    table: "CommitmentDaily",
    key: commitmentKey,
    reads: "commitments",
    rows: (f, { window: w }) =>
      mapped(reservationUtilization(f, w), (r) => ({
        day: r.day,
        kind: "ri_utilization",
        accountId: ALL,
        subscriptionId: ALL,
        percentage: r.utilizationPercentage,
        hours: r.purchasedHours,
        unusedHours: r.unusedHours,
        commitment: r.totalAmortizedFee,
        unused: r.riCostForUnusedHours,
        netSavings: r.netRISavings,
        onDemandCost: r.onDemandCostOfRIHoursUsed,
      })),
  },
  {
    table: "CommitmentDaily",
    key: commitmentKey,
    reads: "commitments",
    rows: (f, { window: w }) =>
      mapped(reservationCoverage(f, w), (r) => ({
        day: r.day,
        kind: "ri_coverage",
        accountId: ALL,
        subscriptionId: ALL,
        percentage: r.coverageHoursPercentage,
        hours: r.totalRunningHours,
        unusedHours: r.onDemandHours,
        onDemandCost: r.onDemandCost,
      })),
  },
  {
    table: "CommitmentDaily",
    key: commitmentKey,
    reads: "commitments",
    rows: (f, { window: w }, now) =>
      mapped(savingsPlansUtilization(f, w, { now }), (r) => ({
        day: r.day,
        kind: "sp_utilization",
        accountId: ALL,
        subscriptionId: ALL,
        percentage: r.utilizationPercentage,
        commitment: r.totalCommitment,
        used: r.usedCommitment,
        unused: r.unusedCommitment,
        netSavings: r.netSavings,
        onDemandCost: r.onDemandCostEquivalent,
      })),
  },
  {
    table: "CommitmentDaily",
    key: commitmentKey,
    reads: "commitments",
    rows: (f, { window: w }, now) =>
      mapped(savingsPlansCoverage(f, w, { now }), (r) => ({
        day: r.day,
        kind: "sp_coverage",
        accountId: ALL,
        subscriptionId: ALL,
        percentage: r.coveragePercentage,
        used: r.spendCoveredBySavingsPlans,
        onDemandCost: r.onDemandCost,
        commitment: r.totalCost,
      })),
  },
];

/** Every (series, read) of a sync. Exported for the test that reads the old way, all by day. */
export function costReads(plan: CostReadPlan, commitments: CostWindow, onPeriod: CostReadOptions["onPeriod"]) {
  const monthly = (window: CostWindow): CostRead => ({ window, options: { granularity: "MONTHLY", onPeriod } });
  const daily = (window: CostWindow): CostRead => ({ window, options: { granularity: "DAILY" } });
  return costSeries.flatMap((s) => {
    const reads = s.reads === "commitments" ? [daily(commitments)] : plan.months ? [monthly(plan.months)] : [];
    return reads.map((read) => ({ series: s, read }));
  });
}

/** Reads and stores every (series, read), then removes what each read's days no longer hold. */
export async function readCostSeries(
  ctx: SourceContext,
  reads: { series: Series; read: CostRead }[],
  result: SourceResult,
): Promise<void> {
  const payer = { awsAccountRef: ctx.account.ref };
  // One writer per table and window, shared by its series, so a first sync's empty window is seen once.
  const writers = new Map<string, { writer: ScopeWriter; table: string; range: { column: string; from: string; to: string } }>();
  const writerOf = ({ series: s, read }: (typeof reads)[number]) => {
    const id = `${s.table}|${read.window.start}|${read.window.end}`;
    let found = writers.get(id);
    if (!found) {
      const range = { column: "day", from: read.window.start, to: read.window.end };
      found = { writer: scopeWriter({ table: s.table, key: s.key, where: payer, range }, ctx.runId), table: s.table, range };
      writers.set(id, found);
    }
    return found.writer;
  };
  for (const r of reads) writerOf(r);
  // Series run side by side: writing a page takes longer than fetching the next, and each
  // series writes rows of its own (the "*" columns differ), so they never touch the same row.
  await mapLimit(reads, SERIES_CONCURRENCY, async (r) => {
    const writer = writerOf(r);
    for await (const page of r.series.rows(ctx.fetch, r.read, ctx.now)) {
      for (const row of page) row.awsAccountRef = payer.awsAccountRef;
      addCounts(result, await writer.write(page));
    }
  });
  // Every series of a window was read to the end: rows in it that AWS no longer reports go, and
  // a closed month read whole replaces the days stored while it was the current one.
  for (const { table, range } of writers.values()) result.deleted += await deleteUnseen(table, payer, ctx.runId, range);
}

// Read once per organisation from the payer (decision 0007), by month: the month to date every
// time, a closed month when it closes and once more when it is final (a one-request probe asks
// in between); commitments daily from the first day of the previous month (13 months on the
// first sync). Pages are written as they arrive, so memory stays flat however large the organisation.
export const costRunner: SourceRunner = {
  name: "cost",
  service: "costExplorer",
  organizationWide: true,
  async run(ctx: SourceContext): Promise<SourceResult> {
    const result = emptyResult();
    const mark = await db.costReadMark.findUnique({ where: { awsAccountRef: ctx.account.ref } });
    const estimatedMonths = new Set<string>();
    let plan = costReadPlan({ now: ctx.now, mark });
    if (plan.probe) {
      const estimated = await stillEstimated(ctx.fetch, plan.probe);
      if (estimated) estimatedMonths.add(plan.probe.start);
      plan = planAfterProbe(plan, { estimated });
    }
    const onPeriod = (start: string, estimated: boolean) => {
      if (estimated) estimatedMonths.add(start);
    };
    const commitments = costWindow({ now: ctx.now, lastSyncedAt: ctx.lastSucceededAt });
    await readCostSeries(ctx, costReads(plan, commitments, onPeriod), result);
    const next = nextMark({ now: ctx.now, estimatedMonths });
    await db.costReadMark.upsert({
      where: { awsAccountRef: ctx.account.ref },
      create: { awsAccountRef: ctx.account.ref, ...next },
      update: next,
    });
    await syncCommitmentsHeld(ctx, result);
    await syncSavingsPlanRecommendation(ctx, result);
    // After the series: the instance types to price are the ones just stored.
    await syncListPrices(ctx, result);
    return result;
  },
};
