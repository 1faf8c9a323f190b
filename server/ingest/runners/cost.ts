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
  type CostWindow,
} from "~/server/aws/sources/cost-explorer";
import { mapLimit } from "~/server/aws/sources/concurrency";
import type { FetchContext } from "~/server/aws/sources/types";
import { addCounts, emptyResult, type SourceContext, type SourceResult, type SourceRunner } from "../sources";
import { scopeWriter } from "../scope-writer";
import { deleteUnseen, type Row } from "../upsert";
import { syncCommitmentsHeld, syncListPrices, syncSavingsPlanRecommendation } from "./finops";

const SERIES_CONCURRENCY = 4;

// "*" marks the column a Cost Explorer query did not group by (it allows two GroupBys).
const ALL = "*";

interface Series {
  table: string;
  key: string[];
  // A table several series share is cleaned once, after all of them were read.
  rows(fetch: FetchContext, window: CostWindow, now: Date): AsyncGenerator<Row[]>;
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
  fetch: (f: FetchContext, w: CostWindow) => AsyncGenerator<R[]>,
): Series {
  const groupColumns = key.filter((k) => k !== "awsAccountRef" && k !== "day");
  const withHours = table === "Ec2CostDaily";
  // Millions of rows per first sync: each is built in place, without spreads or temporary arrays.
  return {
    table,
    key,
    rows: (f, w) =>
      mapped(fetch(f, w), (r) => {
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

const series: Series[] = [
  {
    table: "CostDaily",
    key: ["awsAccountRef", "day", "accountId", "service"],
    rows: (f, w) =>
      mapped(dailyCostByAccountAndService(f, w), (r) => ({
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
    rows: (f, w) =>
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
    rows: (f, w) =>
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
    rows: (f, w, now) =>
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
    rows: (f, w, now) =>
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

// Read once per organisation from the payer: 13 months on the first sync, then from the first
// day of the previous month (AWS revises it until the bill closes). Pages are written as
// they arrive, so memory stays flat however large the organisation.
export const costRunner: SourceRunner = {
  name: "cost",
  service: "costExplorer",
  organizationWide: true,
  async run(ctx: SourceContext): Promise<SourceResult> {
    const window = costWindow({ now: ctx.now, lastSyncedAt: ctx.lastSucceededAt });
    const result = emptyResult();
    const payer = { awsAccountRef: ctx.account.ref };
    const range = { column: "day", from: window.start, to: window.end };
    // One writer per table, shared by its series, so a first sync's empty window is seen once.
    const writers = new Map(
      series.map((s) => [s.table, scopeWriter({ table: s.table, key: s.key, where: payer, range }, ctx.runId)]),
    );
    // Series run side by side: writing a page takes longer than fetching the next, and each
    // series writes rows of its own (the "*" columns differ), so they never touch the same row.
    await mapLimit(series, SERIES_CONCURRENCY, async (s) => {
      const writer = writers.get(s.table)!;
      for await (const page of s.rows(ctx.fetch, window, ctx.now)) {
        for (const row of page) row.awsAccountRef = payer.awsAccountRef;
        addCounts(result, await writer.write(page));
      }
    });
    // Every series of the window was read to the end: days in it that AWS no longer reports go.
    for (const table of writers.keys()) result.deleted += await deleteUnseen(table, payer, ctx.runId, range);
    await syncCommitmentsHeld(ctx, result);
    await syncSavingsPlanRecommendation(ctx, result);
    // After the series: the instance types to price are the ones just stored.
    await syncListPrices(ctx, result);
    return result;
  },
};
