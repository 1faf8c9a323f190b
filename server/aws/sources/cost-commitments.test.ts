import { describe, expect, it } from "vitest";
import { useAwsSimulator } from "~/server/test/aws-simulator";
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
} from "./cost-explorer";
import { formatDay } from "./cost-window";
import { collect, countCalls, demoContext, failureWith, withThrottling } from "./test-support";

const sim = useAwsSimulator();
const payer = () => demoContext(sim.current, sim.current.state.managementAccountId);
const window = () => costWindow({ now: new Date() });

/** Days of demo data on or after `fromDay` (an index on the simulator's cost timeline). */
function daysFrom(fromDay: number): string[] {
  const timeline = sim.current.state.data.costs.timeline;
  return Array.from({ length: timeline.dayCount - fromDay }, (_, d) => formatDay(timeline.dateOf(fromDay + d)));
}

describe("Cost Explorer commitments", () => {
  it("reports Reserved Instances going idle after Karpenter arrives, one row per day", async () => {
    const ctx = payer();
    const { records, pages } = await collect(reservationUtilization(ctx, window()));
    expect(records.map((r) => r.day)).toEqual(daysFrom(sim.current.state.data.costs.timeline.riPurchaseDay));
    expect(countCalls(ctx, "GetReservationUtilization")).toBe(pages);
    expect(Number(records[0]?.utilizationPercentage)).toBeGreaterThan(95);
    expect(Number(records.at(-1)?.utilizationPercentage)).toBeLessThan(75);
    expect(records.at(-1)?.riCostForUnusedHours).not.toBe("0.00");

    // Coverage answers every day of the window, today's (still empty) included.
    const coverage = await collect(reservationCoverage(payer(), window()));
    expect(coverage.records.map((r) => r.day)).toEqual([...daysFrom(0), formatDay(sim.current.state.data.today)]);
    expect(Number(coverage.records.at(-2)?.coverageHoursPercentage)).toBeGreaterThan(0);
  });

  it("reports Savings Plans utilisation and coverage per day", async () => {
    const ctx = payer();
    const spDay = sim.current.state.data.costs.timeline.savingsPlanDay;
    const utilisation = await collect(savingsPlansUtilization(ctx, window()));
    expect(utilisation.records.map((r) => r.day)).toEqual(daysFrom(spDay));
    const last = utilisation.records.at(-1);
    expect(Number(last?.utilizationPercentage)).toBeLessThan(100);
    expect(Number(last?.unusedCommitment)).toBeGreaterThan(0);

    const coverage = await collect(savingsPlansCoverage(ctx, window()));
    expect(coverage.records.filter((r) => Number(r.spendCoveredBySavingsPlans) > 0).map((r) => r.day)).toEqual(daysFrom(spDay));
    expect(countCalls(ctx, "GetSavingsPlansCoverage")).toBe(coverage.pages);
  });

  it("treats a period without Savings Plans as no rows, and leaves today out of the Savings Plans calls", async () => {
    const timeline = sim.current.state.data.costs.timeline;
    const early = { start: formatDay(timeline.dateOf(0)), end: formatDay(timeline.dateOf(timeline.savingsPlanDay)) };
    expect((await collect(savingsPlansUtilization(payer(), early))).records).toEqual([]);
    const now = new Date();
    const onlyToday = { start: formatDay(now), end: window().end };
    const ctx = payer();
    expect((await collect(savingsPlansCoverage(ctx, onlyToday, { now }))).records).toEqual([]);
    expect(ctx.calls).toEqual([]);
  });

  it("surfaces AccessDenied and retries throttling", async () => {
    const ctx = payer();
    expect(
      await failureWith(sim.current, { service: "ce", action: "GetReservationUtilization" }, () =>
        collect(reservationUtilization(ctx, window())),
      ),
    ).toEqual({ name: "AccessDeniedException", kind: "access-denied" });
    const { result, throttled } = await withThrottling(sim.current, { service: "ce", action: "GetSavingsPlansUtilization" }, () =>
      collect(savingsPlansUtilization(ctx, window())),
    );
    expect(throttled).toBe(2);
    expect(result.records.length).toBeGreaterThan(0);
  });

  it("counts the paid requests of a first (13-month) sync", async () => {
    const ctx = payer();
    const w = window();
    const sources = {
      dailyCostByAccountAndService: dailyCostByAccountAndService(ctx, w),
      dailyEc2ByInstanceType: dailyEc2ByInstanceType(ctx, w),
      dailyEc2ByPurchaseType: dailyEc2ByPurchaseType(ctx, w),
      dailyEc2ByInstanceAndPurchaseType: dailyEc2ByInstanceAndPurchaseType(ctx, w),
      dailyCostByNodePool: dailyCostByNodePool(ctx, w),
      dailyCostByAccountAndNodePool: dailyCostByAccountAndNodePool(ctx, w),
      reservationUtilization: reservationUtilization(ctx, w),
      reservationCoverage: reservationCoverage(ctx, w),
      savingsPlansUtilization: savingsPlansUtilization(ctx, w),
      savingsPlansCoverage: savingsPlansCoverage(ctx, w),
    };
    const pages: Record<string, number> = {};
    for (const [name, source] of Object.entries(sources)) pages[name] = (await collect(source as AsyncIterable<unknown[]>)).pages;
    const total = Object.values(pages).reduce((a, b) => a + b, 0);
    expect(ctx.calls.filter((c) => c.startsWith("costExplorer:"))).toHaveLength(total);
    console.info(`CE requests for ${w.start}..${w.end} on ${sim.current.state.organization.accounts.length} accounts`, {
      ...pages,
      total,
    });
  });
});
