import { PURCHASE, SAVINGS_PLAN_RATE, SERVICE } from "../data/cost-catalog";
import { DAY_MS, formatDay } from "../data/cost-timeline";
import { SimError } from "../errors";
import { aggregate } from "./cost-aggregate";
import { commitmentTotals, savingsPlanAggregates } from "./cost-commitments";
import { periodShape, periodsOf } from "./cost-periods";
import { isPayer, visibleAccounts } from "./cost-scope";
import { savingsPlanHeld } from "./commitments-held";
import type { Input } from "./input";
import { paginate } from "./pagination";
import type { CallContext } from "./types";

const invalid = (message: string) => new SimError("ValidationException", message, 400);
const num = (value: number, digits = 2): string => value.toFixed(digits);

/** One row per Savings Plan active in the period, with its attributes (terms, hourly fee). */
export function getSavingsPlansUtilizationDetails(input: Input, context: CallContext): unknown {
  const data = context.state.data;
  const { periods } = periodsOf(input, data.today, "DAILY");
  const period = { start: periods[0]!.start, end: periods[periods.length - 1]!.end };
  if (period.end.getTime() > data.today.getTime()) throw invalid("End date must be before the current date");
  const totals = commitmentTotals(data, period);
  if (!isPayer(context) || totals.spCommitment <= 0) {
    throw new SimError("DataUnavailableException", "No Savings Plans data is available for the requested time period.", 400);
  }
  const held = savingsPlanHeld(data);
  const details = [{ SavingsPlanArn: held.arn, Attributes: held.attributes, ...savingsPlanAggregates(totals) }];
  const page = paginate(details, {
    token: input.string("NextToken"),
    requested: input.number("MaxResults"),
    defaultPageSize: 20,
    maxPageSize: 1000,
    scope: `sp-details:${JSON.stringify(input.raw.TimePeriod)}`,
    invalidToken: () => new SimError("InvalidNextTokenException", "The NextToken is invalid.", 400),
  });
  return {
    SavingsPlansUtilizationDetails: page.items,
    Total: savingsPlanAggregates(totals),
    TimePeriod: periodShape(period),
    NextToken: page.nextToken,
  };
}

const LOOKBACK_DAYS: Record<string, number> = { SEVEN_DAYS: 7, THIRTY_DAYS: 30, SIXTY_DAYS: 60 };
// Effective rate as a share of on-demand per term and payment option; 1-year No Upfront is the
// rate the cost model bills its Savings Plan at.
const RATES: Record<string, Record<string, number>> = {
  ONE_YEAR: { NO_UPFRONT: SAVINGS_PLAN_RATE, PARTIAL_UPFRONT: 0.7, ALL_UPFRONT: 0.68 },
  THREE_YEARS: { NO_UPFRONT: 0.5, PARTIAL_UPFRONT: 0.48, ALL_UPFRONT: 0.46 },
};
const HOURS_PER_MONTH = 730;

function oneOf(input: Input, name: string, allowed: readonly string[]): string {
  const value = input.requiredString(name);
  if (!allowed.includes(value)) throw invalid(`Value '${value}' at '${name}' failed to satisfy constraint`);
  return value;
}

/**
 * What a commitment sized to the least on-demand hour of the lookback would have done: it is used
 * in full every hour, covers commitment/rate of on-demand spend per hour, and the rest stays
 * on-demand. With no on-demand spend (a Savings Plan covering it all) the commitment is zero.
 */
export function recommendationFigures(daily: readonly number[], rate: number) {
  const hours = daily.length * 24;
  const onDemand = daily.reduce((s, d) => s + d, 0);
  const minHourly = daily.length ? Math.min(...daily) / 24 : 0;
  const maxHourly = daily.length ? Math.max(...daily) / 24 : 0;
  const commitment = Math.floor(minHourly * rate * 1000) / 1000;
  const covered = commitment / rate;
  const savings = covered * hours * (1 - rate);
  return {
    hours,
    onDemand,
    minHourly,
    maxHourly,
    commitment,
    covered,
    savings,
    spCost: commitment * hours + (onDemand - covered * hours),
    percentage: onDemand > 0 ? (100 * savings) / onDemand : 0,
    monthlySavings: hours > 0 ? (savings * HOURS_PER_MONTH) / hours : 0,
    roi: commitment > 0 ? (100 * savings) / (commitment * hours) : 0,
  };
}

/**
 * Cost Explorer's recommendation, from the cost model: the hourly commitment that the least
 * on-demand EC2 hour of the lookback would have used in full (the rest stays on-demand), and what
 * it would have saved at the plan's rate.
 */
export function getSavingsPlansPurchaseRecommendation(input: Input, context: CallContext): unknown {
  const data = context.state.data;
  const type = oneOf(input, "SavingsPlansType", ["COMPUTE_SP", "EC2_INSTANCE_SP", "SAGEMAKER_SP", "DATABASE_SP"]);
  const term = oneOf(input, "TermInYears", ["ONE_YEAR", "THREE_YEARS"]);
  const payment = oneOf(input, "PaymentOption", ["NO_UPFRONT", "PARTIAL_UPFRONT", "ALL_UPFRONT"]);
  const lookback = oneOf(input, "LookbackPeriodInDays", Object.keys(LOOKBACK_DAYS));
  const scope = input.string("AccountScope") ?? "PAYER";
  const days = LOOKBACK_DAYS[lookback]!;
  const rate = RATES[term]![payment]!;
  const accounts = scope === "PAYER" && isPayer(context) ? visibleAccounts(context) : visibleAccounts(context).slice(0, 1);
  const daily: number[] = [];
  const appliesToEc2 = type === "COMPUTE_SP" || type === "EC2_INSTANCE_SP";
  for (let back = days; back >= 1 && appliesToEc2; back--) {
    const start = new Date(data.today.getTime() - back * DAY_MS);
    const sums = aggregate(
      data,
      accounts,
      { start, end: new Date(start.getTime() + DAY_MS) },
      (l) => l.service === SERVICE.ec2 && l.purchaseType === PURCHASE.onDemand,
      () => "",
    );
    daily.push(sums.get("")?.unblended ?? 0);
  }
  const metadata = {
    RecommendationId: `${formatDay(data.today)}-${type}-${term}-${payment}-${lookback}`.toLowerCase(),
    GenerationTimestamp: `${formatDay(data.today)}T00:00:00Z`,
    AdditionalMetadata: "",
  };
  const recommendation = {
    AccountScope: scope,
    SavingsPlansType: type,
    TermInYears: term,
    PaymentOption: payment,
    LookbackPeriodInDays: lookback,
  };
  const f = recommendationFigures(daily, rate);
  const figures = {
    CurrencyCode: "USD",
    HourlyCommitmentToPurchase: num(f.commitment, 3),
    EstimatedSavingsAmount: num(f.savings),
    EstimatedSavingsPercentage: num(f.percentage),
    EstimatedMonthlySavingsAmount: num(f.monthlySavings),
    EstimatedROI: num(f.roi),
    EstimatedOnDemandCostWithCurrentCommitment: num(f.onDemand),
  };
  const detail = {
    ...figures,
    SavingsPlansDetails: { Region: "Any", InstanceFamily: "", OfferingId: `offering-${type}-${term}-${payment}`.toLowerCase() },
    AccountId: accounts[0]?.id,
    UpfrontCost: "0",
    EstimatedSPCost: num(f.spCost),
    EstimatedOnDemandCost: num(f.onDemand - f.covered * f.hours),
    EstimatedAverageUtilization: "100.00",
    CurrentMinimumHourlyOnDemandSpend: num(f.minHourly),
    CurrentMaximumHourlyOnDemandSpend: num(f.maxHourly),
    CurrentAverageHourlyOnDemandSpend: num(f.hours > 0 ? f.onDemand / f.hours : 0),
    RecommendationDetailId: `${metadata.RecommendationId}-1`,
  };
  return {
    Metadata: metadata,
    SavingsPlansPurchaseRecommendation: {
      ...recommendation,
      SavingsPlansPurchaseRecommendationDetails: f.commitment > 0 ? [detail] : [],
      SavingsPlansPurchaseRecommendationSummary: {
        ...figures,
        EstimatedTotalCost: num(f.spCost),
        CurrentOnDemandSpend: num(f.onDemand),
        TotalRecommendationCount: f.commitment > 0 ? "1" : "0",
        DailyCommitmentToPurchase: num(f.commitment * 24),
      },
    },
  };
}
