import { describe, expect, it } from "vitest";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { computeSavingsPlanRecommendation, reservationsHeld, savingsPlansHeld } from "./commitments-held";
import { formatDay } from "./cost-window";
import { countCalls, demoContext, failureWith } from "./test-support";

const sim = useAwsSimulator();
const payer = () => demoContext(sim.current, sim.current.state.managementAccountId);
const DAY_MS = 86_400_000;

function lastDays(days: number) {
  const today = sim.current.state.data.today;
  return { start: formatDay(new Date(today.getTime() - days * DAY_MS)), end: formatDay(today) };
}

describe("commitments held and the Savings Plans recommendation", () => {
  it("lists the demo's Reserved Instance subscription with its 1-year term, ending within 90 days", async () => {
    const ctx = payer();
    const [ri, ...others] = await reservationsHeld(ctx, lastDays(30));
    expect(others).toEqual([]);
    const model = sim.current.state.data.costs;
    expect(ri).toMatchObject({
      kind: "ri",
      offering: "m5.xlarge",
      instanceCount: model.reservedInstanceCount,
      region: "us-east-1",
      startsAt: model.timeline.dateOf(model.timeline.riPurchaseDay),
    });
    expect(ri!.endsAt!.getTime() - ri!.startsAt!.getTime()).toBe(365 * DAY_MS);
    expect(Number(ri!.amortizedFee) / Number(ri!.purchasedHours)).toBeCloseTo(0.192 * 0.6, 3);
    const daysLeft = (ri!.endsAt!.getTime() - sim.current.state.data.today.getTime()) / DAY_MS;
    expect(daysLeft).toBeGreaterThan(0);
    expect(daysLeft).toBeLessThanOrEqual(90);
    expect(countCalls(ctx, "GetReservationUtilization")).toBe(1);
  });

  it("lists the Compute Savings Plan with its hourly commitment and a term ending after the RI's", async () => {
    const ctx = payer();
    const plans = await savingsPlansHeld(ctx, lastDays(30));
    expect(plans).toHaveLength(1);
    const model = sim.current.state.data.costs;
    expect(plans[0]).toMatchObject({
      kind: "sp",
      offering: "ComputeSavingsPlans",
      recurringHourlyFee: model.savingsPlanHourlyCommitment.toFixed(2),
      upfrontFee: "0",
      startsAt: model.timeline.dateOf(model.timeline.savingsPlanDay),
    });
    expect(plans[0]!.commitmentId).toMatch(/^arn:aws:savingsplans::\d{12}:savingsplan\//);
    expect(plans[0]!.endsAt!.getTime() - plans[0]!.startsAt!.getTime()).toBe(365 * DAY_MS);
    expect(countCalls(ctx, "GetSavingsPlansUtilizationDetails")).toBe(1);
    // Before the plan was bought there is nothing to list.
    const start = model.timeline.dateOf(0);
    expect(
      await savingsPlansHeld(payer(), { start: formatDay(start), end: formatDay(new Date(start.getTime() + 7 * DAY_MS)) }),
    ).toEqual([]);
  });

  it("stores CE's recommendation: nothing more to commit while the Savings Plan covers all on-demand use", async () => {
    const ctx = payer();
    const r = await computeSavingsPlanRecommendation(ctx);
    expect(r).toMatchObject({
      savingsPlansType: "COMPUTE_SP",
      termInYears: "ONE_YEAR",
      paymentOption: "NO_UPFRONT",
      lookbackDays: 30,
    });
    expect(r.generatedAt?.toISOString()).toBe(`${formatDay(sim.current.state.data.today)}T00:00:00.000Z`);
    // The demo's plan was bought 8% above the on-demand use of its day and Spot has taken over
    // since, so no EC2 hour of the last 30 days ran on-demand: CE's answer is a real zero.
    const model = sim.current.state.data.costs;
    for (let day = model.timeline.dayCount - 30; day < model.timeline.dayCount; day++) {
      expect(model.commitmentDay(day).spCoverage).toBe(1);
    }
    expect(r).toMatchObject({
      hourlyCommitment: "0.000",
      estimatedMonthlySavings: "0.00",
      estimatedSavingsPercentage: "0.00",
      currentOnDemandSpend: "0.00",
    });
    expect(countCalls(ctx, "GetSavingsPlansPurchaseRecommendation")).toBe(1);
  });

  it("surfaces AccessDenied on each call for the caller to record", async () => {
    const denied = await failureWith(sim.current, { service: "ce", action: "GetSavingsPlansPurchaseRecommendation" }, () =>
      computeSavingsPlanRecommendation(payer()),
    );
    expect(denied.kind).toBe("access-denied");
  });
});
