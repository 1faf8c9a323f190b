import {
  type CostExplorerClient,
  GetReservationCoverageCommand,
  GetReservationUtilizationCommand,
  GetSavingsPlansCoverageCommand,
  GetSavingsPlansUtilizationCommand,
} from "@aws-sdk/client-cost-explorer";
import { type CostWindow, endNoLaterThanToday } from "./cost-window";
import { checkAborted, clientFor, type FetchContext } from "./types";

// Commitment figures are organisation-wide and daily. What the APIs allow decides the shape:
// - GetReservationUtilization groups only by SUBSCRIPTION_ID, and only when Granularity is unset,
//   so a daily series is the organisation total (no subscriptionId).
// - GetReservationCoverage and GetSavingsPlansCoverage refuse Granularity together with GroupBy;
//   per-account daily coverage would take one filtered query per account ($0.01 × accounts ×
//   pages), so these are daily organisation totals too. Per-account coverage comes from the
//   purchase-type split of dailyEc2ByPurchaseType.
// - GetSavingsPlansUtilization has no GroupBy at all.
// None of these carries CE's Estimated flag; only GetCostAndUsage does.

/** Natural key: day. Amounts and hours are decimal strings as CE returns them. */
export interface ReservationUtilizationDay {
  day: string;
  utilizationPercentage: string;
  purchasedHours: string;
  totalActualHours: string;
  unusedHours: string;
  netRISavings: string;
  totalAmortizedFee: string;
  amortizedUpfrontFee: string;
  amortizedRecurringFee: string;
  onDemandCostOfRIHoursUsed: string;
  riCostForUnusedHours: string;
  realizedSavings: string;
  unrealizedSavings: string;
  totalPotentialRISavings: string;
}

/** Natural key: day. onDemandCost is null where CE gives none (RDS, ElastiCache, OpenSearch). */
export interface ReservationCoverageDay {
  day: string;
  coverageHoursPercentage: string;
  onDemandHours: string;
  reservedHours: string;
  totalRunningHours: string;
  onDemandCost: string | null;
}

/** Natural key: day. */
export interface SavingsPlansUtilizationDay {
  day: string;
  totalCommitment: string;
  usedCommitment: string;
  unusedCommitment: string;
  utilizationPercentage: string;
  netSavings: string;
  onDemandCostEquivalent: string;
  totalAmortizedCommitment: string;
}

/** Natural key: day. */
export interface SavingsPlansCoverageDay {
  day: string;
  spendCoveredBySavingsPlans: string;
  onDemandCost: string;
  totalCost: string;
  coveragePercentage: string;
}

// GetSavingsPlansCoverage pages at 20 rows by default: 13 months of days would be 20 paid
// requests. The API documents no maximum; the simulator, like AWS in practice, accepts 1,000.
const SP_COVERAGE_PAGE_SIZE = 1000;

const s = (value: string | undefined): string => value ?? "0";

/** An organisation without reservations or Savings Plans is answered with this error: it means "no rows". */
function isNoData(error: unknown): boolean {
  return (error as { name?: string })?.name === "DataUnavailableException";
}

async function* nothing<T>(): AsyncGenerator<T[]> {}

async function* paged<T>(
  ctx: FetchContext,
  fetchPage: (client: CostExplorerClient, token: string | undefined) => Promise<{ records: T[]; next?: string }>,
): AsyncGenerator<T[]> {
  const client = clientFor(ctx, "costExplorer", "us-east-1");
  try {
    let token: string | undefined;
    do {
      checkAborted(ctx);
      let page: { records: T[]; next?: string };
      try {
        page = await fetchPage(client, token);
      } catch (error) {
        if (isNoData(error)) return;
        throw error;
      }
      yield page.records;
      token = page.next;
    } while (token);
  } finally {
    client.destroy();
  }
}

export function reservationUtilization(ctx: FetchContext, window: CostWindow): AsyncGenerator<ReservationUtilizationDay[]> {
  return paged(ctx, async (client, token) => {
    const out = await client.send(
      new GetReservationUtilizationCommand({
        TimePeriod: { Start: window.start, End: window.end },
        Granularity: "DAILY",
        NextPageToken: token,
      }),
    );
    const records = (out.UtilizationsByTime ?? []).map((u): ReservationUtilizationDay => {
      const t = u.Total ?? {};
      return {
        day: u.TimePeriod?.Start ?? "",
        utilizationPercentage: s(t.UtilizationPercentage),
        purchasedHours: s(t.PurchasedHours),
        totalActualHours: s(t.TotalActualHours),
        unusedHours: s(t.UnusedHours),
        netRISavings: s(t.NetRISavings),
        totalAmortizedFee: s(t.TotalAmortizedFee),
        amortizedUpfrontFee: s(t.AmortizedUpfrontFee),
        amortizedRecurringFee: s(t.AmortizedRecurringFee),
        onDemandCostOfRIHoursUsed: s(t.OnDemandCostOfRIHoursUsed),
        riCostForUnusedHours: s(t.RICostForUnusedHours),
        realizedSavings: s(t.RealizedSavings),
        unrealizedSavings: s(t.UnrealizedSavings),
        totalPotentialRISavings: s(t.TotalPotentialRISavings),
      };
    });
    return { records, next: out.NextPageToken };
  });
}

export function reservationCoverage(ctx: FetchContext, window: CostWindow): AsyncGenerator<ReservationCoverageDay[]> {
  return paged(ctx, async (client, token) => {
    const out = await client.send(
      new GetReservationCoverageCommand({
        TimePeriod: { Start: window.start, End: window.end },
        Granularity: "DAILY",
        NextPageToken: token,
      }),
    );
    const records = (out.CoveragesByTime ?? []).map((c): ReservationCoverageDay => {
      const hours = c.Total?.CoverageHours ?? {};
      return {
        day: c.TimePeriod?.Start ?? "",
        coverageHoursPercentage: s(hours.CoverageHoursPercentage),
        onDemandHours: s(hours.OnDemandHours),
        reservedHours: s(hours.ReservedHours),
        totalRunningHours: s(hours.TotalRunningHours),
        onDemandCost: c.Total?.CoverageCost?.OnDemandCost ?? null,
      };
    });
    return { records, next: out.NextPageToken };
  });
}

export function savingsPlansUtilization(
  ctx: FetchContext,
  window: CostWindow,
  { now = new Date() }: { now?: Date } = {},
): AsyncGenerator<SavingsPlansUtilizationDay[]> {
  const period = endNoLaterThanToday(window, now);
  if (period.start >= period.end) return nothing();
  return paged(ctx, async (client) => {
    const out = await client.send(
      new GetSavingsPlansUtilizationCommand({ TimePeriod: { Start: period.start, End: period.end }, Granularity: "DAILY" }),
    );
    const records = (out.SavingsPlansUtilizationsByTime ?? []).map((u): SavingsPlansUtilizationDay => ({
      day: u.TimePeriod?.Start ?? "",
      totalCommitment: s(u.Utilization?.TotalCommitment),
      usedCommitment: s(u.Utilization?.UsedCommitment),
      unusedCommitment: s(u.Utilization?.UnusedCommitment),
      utilizationPercentage: s(u.Utilization?.UtilizationPercentage),
      netSavings: s(u.Savings?.NetSavings),
      onDemandCostEquivalent: s(u.Savings?.OnDemandCostEquivalent),
      totalAmortizedCommitment: s(u.AmortizedCommitment?.TotalAmortizedCommitment),
    }));
    return { records };
  });
}

export function savingsPlansCoverage(
  ctx: FetchContext,
  window: CostWindow,
  { now = new Date() }: { now?: Date } = {},
): AsyncGenerator<SavingsPlansCoverageDay[]> {
  const period = endNoLaterThanToday(window, now);
  if (period.start >= period.end) return nothing();
  return paged(ctx, async (client, token) => {
    const out = await client.send(
      new GetSavingsPlansCoverageCommand({
        TimePeriod: { Start: period.start, End: period.end },
        Granularity: "DAILY",
        MaxResults: SP_COVERAGE_PAGE_SIZE,
        NextToken: token,
      }),
    );
    const records = (out.SavingsPlansCoverages ?? []).map((c): SavingsPlansCoverageDay => ({
      day: c.TimePeriod?.Start ?? "",
      spendCoveredBySavingsPlans: s(c.Coverage?.SpendCoveredBySavingsPlans),
      onDemandCost: s(c.Coverage?.OnDemandCost),
      totalCost: s(c.Coverage?.TotalCost),
      coveragePercentage: s(c.Coverage?.CoveragePercentage),
    }));
    return { records, next: out.NextToken };
  });
}
