import {
  CostExplorerClient,
  GetReservationUtilizationCommand,
  GetSavingsPlansPurchaseRecommendationCommand,
  GetSavingsPlansUtilizationDetailsCommand,
} from "@aws-sdk/client-cost-explorer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../index";
import { assumeDemoRole, captureError, clientConfig, startTestSimulator } from "../test-support";

const today = new Date("2026-11-20T00:00:00Z");

describe("Cost Explorer: the commitments the payer holds, over awsJson1_1", () => {
  let sim: RunningSimulator;
  let ce: CostExplorerClient;
  let member: CostExplorerClient;

  beforeAll(async () => {
    sim = await startTestSimulator({ today });
    ce = new CostExplorerClient(clientConfig(sim, await assumeDemoRole(sim, sim.state.managementAccountId)));
    const memberId = sim.state.organization.accounts.find((a) => a.id !== sim.state.managementAccountId)!.id;
    member = new CostExplorerClient(clientConfig(sim, await assumeDemoRole(sim, memberId)));
  });
  afterAll(() => sim.close());

  it("groups reservation utilisation by subscription over the whole period, with the term's dates", async () => {
    const out = await ce.send(
      new GetReservationUtilizationCommand({
        TimePeriod: { Start: "2026-10-01", End: "2026-11-01" },
        GroupBy: [{ Type: "DIMENSION", Key: "SUBSCRIPTION_ID" }],
      }),
    );
    expect(out.UtilizationsByTime).toHaveLength(1);
    const [period] = out.UtilizationsByTime!;
    expect(period!.TimePeriod).toEqual({ Start: "2026-10-01", End: "2026-11-01" });
    expect(period!.Groups).toHaveLength(1);
    const group = period!.Groups![0]!;
    expect(group.Key).toBe("SUBSCRIPTION_ID");
    // The timeline starts 2025-11-01; the RIs were bought two months later for one year.
    expect(group.Attributes).toMatchObject({
      instanceType: "m5.xlarge",
      startDateTime: "2026-01-01T00:00:00.000Z",
      endDateTime: "2027-01-01T00:00:00.000Z",
      subscriptionStatus: "Active",
    });
    expect(group.Utilization?.PurchasedHours).toBe(period!.Total?.PurchasedHours);
    const refused = await captureError(() =>
      ce.send(
        new GetReservationUtilizationCommand({
          TimePeriod: { Start: "2026-10-01", End: "2026-11-01" },
          GroupBy: [{ Type: "DIMENSION", Key: "SUBSCRIPTION_ID" }],
          Granularity: "DAILY",
        }),
      ),
    );
    expect(refused.name).toBe("ValidationException");
  });

  it("details the Compute Savings Plan by ARN, only for the payer and never past today", async () => {
    const out = await ce.send(
      new GetSavingsPlansUtilizationDetailsCommand({ TimePeriod: { Start: "2026-10-20", End: "2026-11-20" } }),
    );
    expect(out.SavingsPlansUtilizationDetails).toHaveLength(1);
    const [plan] = out.SavingsPlansUtilizationDetails!;
    expect(plan!.Attributes).toMatchObject({
      SavingsPlansType: "ComputeSavingsPlans",
      PurchaseTerm: "1yr",
      PaymentOption: "No Upfront",
      StartDateTime: "2026-03-01T00:00:00.000Z",
      EndDateTime: "2027-03-01T00:00:00.000Z",
      RecurringHourlyFee: sim.state.data.costs.savingsPlanHourlyCommitment.toFixed(2),
    });
    expect(Number(plan!.Utilization?.UtilizationPercentage)).toBeLessThan(100);
    const future = await captureError(() =>
      ce.send(new GetSavingsPlansUtilizationDetailsCommand({ TimePeriod: { Start: "2026-11-01", End: "2026-11-21" } })),
    );
    expect(future.name).toBe("ValidationException");
    const notPayer = await captureError(() =>
      member.send(new GetSavingsPlansUtilizationDetailsCommand({ TimePeriod: { Start: "2026-10-20", End: "2026-11-20" } })),
    );
    expect(notPayer.name).toBe("DataUnavailableException");
  });

  it("answers a purchase recommendation with its metadata, and refuses an unknown lookback", async () => {
    const ask = (LookbackPeriodInDays: string) =>
      ce.send(
        new GetSavingsPlansPurchaseRecommendationCommand({
          SavingsPlansType: "COMPUTE_SP",
          TermInYears: "ONE_YEAR",
          PaymentOption: "NO_UPFRONT",
          LookbackPeriodInDays: LookbackPeriodInDays as "THIRTY_DAYS",
          AccountScope: "PAYER",
        }),
      );
    const out = await ask("THIRTY_DAYS");
    expect(out.Metadata?.GenerationTimestamp).toBe("2026-11-20T00:00:00Z");
    expect(out.SavingsPlansPurchaseRecommendation).toMatchObject({
      SavingsPlansType: "COMPUTE_SP",
      TermInYears: "ONE_YEAR",
      PaymentOption: "NO_UPFRONT",
      LookbackPeriodInDays: "THIRTY_DAYS",
    });
    const summary = out.SavingsPlansPurchaseRecommendation?.SavingsPlansPurchaseRecommendationSummary;
    expect(summary?.CurrencyCode).toBe("USD");
    expect(summary?.HourlyCommitmentToPurchase).toMatch(/^\d+\.\d{3}$/);
    expect((await captureError(() => ask("NINETY_DAYS"))).name).toBe("ValidationException");
  });
});
