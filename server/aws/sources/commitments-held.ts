import {
  GetReservationUtilizationCommand,
  GetSavingsPlansPurchaseRecommendationCommand,
  GetSavingsPlansUtilizationDetailsCommand,
} from "@aws-sdk/client-cost-explorer";
import type { CostWindow } from "./cost-window";
import { checkAborted, type FetchContext, withClient } from "./types";

// The commitments the payer holds, with their terms, and Cost Explorer's Savings Plans purchase
// recommendation. Each request (and each page) is billed $0.01 like every Cost Explorer call.

/** Natural key: (kind, commitmentId). Amounts are decimal strings as CE returns them. */
export interface CommitmentHeld {
  kind: "ri" | "sp";
  /** The reservation's subscription id, or the Savings Plan's ARN. */
  commitmentId: string;
  /** The instance type of a reservation; the plan type ("ComputeSavingsPlans") of a Savings Plan. */
  offering: string;
  instanceCount: number | null;
  /** A Savings Plan's hourly recurring fee and upfront fee (USD); null for reservations. */
  recurringHourlyFee: string | null;
  upfrontFee: string | null;
  /** A reservation's amortized fee and purchased instance-hours over the period asked; null for Savings Plans. */
  amortizedFee: string | null;
  purchasedHours: string | null;
  region: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
}

export interface SavingsPlansRecommendation {
  savingsPlansType: string;
  termInYears: string;
  paymentOption: string;
  lookbackDays: number;
  hourlyCommitment: string | null;
  estimatedMonthlySavings: string | null;
  estimatedSavingsPercentage: string | null;
  /** The on-demand spend of the usage the recommendation applies to, over the whole lookback. */
  currentOnDemandSpend: string | null;
  currency: string;
  generatedAt: Date | null;
}

const date = (text: string | undefined): Date | null => {
  if (!text) return null;
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
};
const blank = (text: string | undefined): string | null => (text === undefined || text === "" ? null : text);
const count = (text: string | undefined): number | null => (text && /^\d+$/.test(text) ? Number(text) : null);

function isNoData(error: unknown): boolean {
  return (error as { name?: string })?.name === "DataUnavailableException";
}

/** Reservations active in the window: GetReservationUtilization grouped by SUBSCRIPTION_ID (no granularity). */
export async function reservationsHeld(ctx: FetchContext, window: CostWindow): Promise<CommitmentHeld[]> {
  return withClient(
    ctx,
    "costExplorer",
    async (client) => {
      const held = new Map<string, CommitmentHeld>();
      let token: string | undefined;
      do {
        checkAborted(ctx);
        let page;
        try {
          page = await client.send(
            new GetReservationUtilizationCommand({
              TimePeriod: { Start: window.start, End: window.end },
              GroupBy: [{ Type: "DIMENSION", Key: "SUBSCRIPTION_ID" }],
              NextPageToken: token,
            }),
          );
        } catch (error) {
          if (isNoData(error)) break;
          throw error;
        }
        for (const period of page.UtilizationsByTime ?? []) {
          for (const group of period.Groups ?? []) {
            const a = group.Attributes ?? {};
            const id = group.Value ?? a.subscriptionId;
            if (!id) continue;
            held.set(id, {
              kind: "ri",
              commitmentId: id,
              offering: a.instanceType ?? "",
              instanceCount: count(a.numberOfInstances),
              recurringHourlyFee: null,
              upfrontFee: null,
              amortizedFee: blank(group.Utilization?.TotalAmortizedFee),
              purchasedHours: blank(group.Utilization?.PurchasedHours),
              region: blank(a.region),
              startsAt: date(a.startDateTime),
              endsAt: date(a.endDateTime),
            });
          }
        }
        token = page.NextPageToken;
      } while (token);
      return [...held.values()];
    },
    "us-east-1",
  );
}

/** Savings Plans active in the window, from GetSavingsPlansUtilizationDetails (one row per plan ARN). */
export async function savingsPlansHeld(ctx: FetchContext, window: CostWindow): Promise<CommitmentHeld[]> {
  return withClient(
    ctx,
    "costExplorer",
    async (client) => {
      const held: CommitmentHeld[] = [];
      let token: string | undefined;
      do {
        checkAborted(ctx);
        let page;
        try {
          page = await client.send(
            new GetSavingsPlansUtilizationDetailsCommand({
              TimePeriod: { Start: window.start, End: window.end },
              MaxResults: 1000,
              NextToken: token,
            }),
          );
        } catch (error) {
          if (isNoData(error)) break;
          throw error;
        }
        for (const detail of page.SavingsPlansUtilizationDetails ?? []) {
          const a = detail.Attributes ?? {};
          if (!detail.SavingsPlanArn) continue;
          held.push({
            kind: "sp",
            commitmentId: detail.SavingsPlanArn,
            offering: a.SavingsPlansType ?? "",
            instanceCount: null,
            recurringHourlyFee: blank(a.RecurringHourlyFee),
            upfrontFee: blank(a.UpfrontFee),
            amortizedFee: null,
            purchasedHours: null,
            region: blank(a.Region),
            startsAt: date(a.StartDateTime),
            endsAt: date(a.EndDateTime),
          });
        }
        token = page.NextToken;
      } while (token);
      return held;
    },
    "us-east-1",
  );
}

const LOOKBACK = { days: 30, name: "THIRTY_DAYS" } as const;

/** Cost Explorer's Compute Savings Plan recommendation: 1 year, No Upfront, 30 days back, for the payer. */
export async function computeSavingsPlanRecommendation(ctx: FetchContext): Promise<SavingsPlansRecommendation> {
  return withClient(
    ctx,
    "costExplorer",
    async (client) => {
      checkAborted(ctx);
      const out = await client.send(
        new GetSavingsPlansPurchaseRecommendationCommand({
          SavingsPlansType: "COMPUTE_SP",
          TermInYears: "ONE_YEAR",
          PaymentOption: "NO_UPFRONT",
          LookbackPeriodInDays: LOOKBACK.name,
          AccountScope: "PAYER",
        }),
      );
      const r = out.SavingsPlansPurchaseRecommendation;
      const summary = r?.SavingsPlansPurchaseRecommendationSummary;
      return {
        savingsPlansType: r?.SavingsPlansType ?? "COMPUTE_SP",
        termInYears: r?.TermInYears ?? "ONE_YEAR",
        paymentOption: r?.PaymentOption ?? "NO_UPFRONT",
        lookbackDays: LOOKBACK.days,
        hourlyCommitment: blank(summary?.HourlyCommitmentToPurchase),
        estimatedMonthlySavings: blank(summary?.EstimatedMonthlySavingsAmount),
        estimatedSavingsPercentage: blank(summary?.EstimatedSavingsPercentage),
        currentOnDemandSpend: blank(summary?.CurrentOnDemandSpend),
        currency: summary?.CurrencyCode ?? "USD",
        generatedAt: date(out.Metadata?.GenerationTimestamp),
      };
    },
    "us-east-1",
  );
}
