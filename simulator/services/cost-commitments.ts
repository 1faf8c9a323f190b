import { hourlyPrice, PURCHASE, RI_INSTANCE_TYPE, SAVINGS_PLAN_RATE, SERVICE } from "../data/cost-catalog";
import type { DemoData } from "../data/demo-data";
import { SimError } from "../errors";
import { aggregate, daysIn } from "./cost-aggregate";
import { reservationHeld } from "./commitments-held";
import { compileFilter, type LineKey } from "./cost-dimensions";
import { type Period, periodShape, periodsOf } from "./cost-periods";
import { isPayer, visibleAccounts } from "./cost-scope";
import type { Input } from "./input";
import { paginate } from "./pagination";
import type { CallContext } from "./types";

const num = (value: number, digits = 2): string => value.toFixed(digits);

export function commitmentTotals(data: DemoData, period: Period) {
  const totals = { riPurchased: 0, riUsed: 0, spCommitment: 0, spUsed: 0, spOnDemand: 0 };
  for (const day of daysIn(data, period)) {
    const c = data.costs.commitmentDay(day);
    totals.riPurchased += c.riPurchasedHours;
    totals.riUsed += c.riUsedHours;
    totals.spCommitment += c.spCommitment;
    totals.spUsed += c.spUsed;
    totals.spOnDemand += c.spOnDemandEquivalent;
  }
  return totals;
}

function reservationAggregates(data: DemoData, purchased: number, used: number) {
  const price = hourlyPrice(RI_INSTANCE_TYPE);
  const fee = data.costs.riHourlyFee();
  const unused = purchased - used;
  const units = 8;
  return {
    UtilizationPercentage: num(purchased > 0 ? (100 * used) / purchased : 0),
    UtilizationPercentageInUnits: num(purchased > 0 ? (100 * used) / purchased : 0),
    PurchasedHours: num(purchased),
    PurchasedUnits: num(purchased * units),
    TotalActualHours: num(used),
    TotalActualUnits: num(used * units),
    UnusedHours: num(unused),
    UnusedUnits: num(unused * units),
    OnDemandCostOfRIHoursUsed: num(used * price),
    NetRISavings: num(used * price - purchased * fee),
    TotalPotentialRISavings: num(purchased * (price - fee)),
    AmortizedUpfrontFee: "0",
    AmortizedRecurringFee: num(purchased * fee),
    TotalAmortizedFee: num(purchased * fee),
    RICostForUnusedHours: num(unused * fee),
    RealizedSavings: num(used * (price - fee)),
    UnrealizedSavings: num(unused * (price - fee)),
  };
}

export function getReservationUtilization(input: Input, context: CallContext): unknown {
  const data = context.state.data;
  const grouped = input.objects("GroupBy").length > 0;
  if (grouped && input.string("Granularity")) {
    throw new SimError("ValidationException", "Granularity and GroupBy cannot both be set", 400);
  }
  // Grouped by subscription, the whole period is one bucket (the response carries no granularity).
  const { periods: buckets } = periodsOf(input, data.today, "DAILY");
  const periods = grouped ? [{ start: buckets[0]!.start, end: buckets[buckets.length - 1]!.end }] : buckets;
  if (!isPayer(context)) return { UtilizationsByTime: [] };
  const active = periods.map((p) => ({ period: p, totals: commitmentTotals(data, p) })).filter((p) => p.totals.riPurchased > 0);
  const held = reservationHeld(data);
  const byTime = active.map(({ period, totals }) => {
    const total = reservationAggregates(data, totals.riPurchased, totals.riUsed);
    const groups = grouped
      ? [{ Key: "SUBSCRIPTION_ID", Value: held.subscriptionId, Attributes: held.attributes, Utilization: total }]
      : [];
    return { TimePeriod: periodShape(period), Total: total, Groups: groups };
  });
  const purchased = active.reduce((s, a) => s + a.totals.riPurchased, 0);
  const used = active.reduce((s, a) => s + a.totals.riUsed, 0);
  return { UtilizationsByTime: byTime, Total: purchased > 0 ? reservationAggregates(data, purchased, used) : undefined };
}

function isRiEligible(line: { service: string; purchaseType: string; usageType: string }): boolean {
  return line.service === SERVICE.ec2 && line.purchaseType !== PURCHASE.spot && !line.usageType.startsWith("HeavyUsage");
}

export function getReservationCoverage(input: Input, context: CallContext): unknown {
  const data = context.state.data;
  const { periods } = periodsOf(input, data.today);
  const filter = compileFilter(input.object("Filter"));
  const groupKey = input.objects("GroupBy")[0]?.string("Key");
  const keyOf: LineKey =
    groupKey === "LINKED_ACCOUNT" ? (_l, a) => a.id : groupKey === "INSTANCE_TYPE" ? (l) => l.instanceType : () => "";
  const attribute = groupKey === "LINKED_ACCOUNT" ? "linkedAccount" : "instanceType";
  const coverage = (onDemandHours: number, reservedHours: number, onDemandCost: number) => ({
    CoverageHours: {
      OnDemandHours: num(onDemandHours),
      ReservedHours: num(reservedHours),
      TotalRunningHours: num(onDemandHours + reservedHours),
      CoverageHoursPercentage: num(
        onDemandHours + reservedHours > 0 ? (100 * reservedHours) / (onDemandHours + reservedHours) : 0,
      ),
    },
    CoverageCost: { OnDemandCost: num(onDemandCost) },
  });
  const all = { od: 0, ri: 0, cost: 0 };
  const byTime = periods.map((period) => {
    const reserved = aggregate(
      data,
      visibleAccounts(context),
      period,
      (l, a) => isRiEligible(l) && l.purchaseType === PURCHASE.reserved && filter(l, a),
      keyOf,
    );
    const other = aggregate(
      data,
      visibleAccounts(context),
      period,
      (l, a) => isRiEligible(l) && l.purchaseType !== PURCHASE.reserved && filter(l, a),
      keyOf,
    );
    const keys = [...new Set([...reserved.keys(), ...other.keys()])].sort();
    const rows = keys.map((key) => {
      const ri = reserved.get(key)?.usage ?? 0;
      const od = other.get(key)?.usage ?? 0;
      const odCost = other.get(key)?.unblended ?? 0;
      return { key, ri, od, odCost };
    });
    const sum = rows.reduce((s, r) => ({ od: s.od + r.od, ri: s.ri + r.ri, cost: s.cost + r.odCost }), { od: 0, ri: 0, cost: 0 });
    all.od += sum.od;
    all.ri += sum.ri;
    all.cost += sum.cost;
    return {
      TimePeriod: periodShape(period),
      Groups: groupKey ? rows.map((r) => ({ Attributes: { [attribute]: r.key }, Coverage: coverage(r.od, r.ri, r.odCost) })) : [],
      Total: coverage(sum.od, sum.ri, sum.cost),
    };
  });
  return { CoveragesByTime: byTime, Total: coverage(all.od, all.ri, all.cost) };
}

export function savingsPlanAggregates(totals: ReturnType<typeof commitmentTotals>) {
  const unused = totals.spCommitment - totals.spUsed;
  return {
    Utilization: {
      TotalCommitment: num(totals.spCommitment),
      UsedCommitment: num(totals.spUsed),
      UnusedCommitment: num(unused),
      UtilizationPercentage: num(totals.spCommitment > 0 ? (100 * totals.spUsed) / totals.spCommitment : 0),
    },
    Savings: { NetSavings: num(totals.spOnDemand - totals.spCommitment), OnDemandCostEquivalent: num(totals.spOnDemand) },
    AmortizedCommitment: {
      AmortizedRecurringCommitment: num(totals.spCommitment),
      AmortizedUpfrontCommitment: "0",
      TotalAmortizedCommitment: num(totals.spCommitment),
    },
  };
}

export function getSavingsPlansUtilization(input: Input, context: CallContext): unknown {
  const data = context.state.data;
  const { periods } = periodsOf(input, data.today, "DAILY");
  const active = isPayer(context)
    ? periods.map((p) => ({ period: p, totals: commitmentTotals(data, p) })).filter((p) => p.totals.spCommitment > 0)
    : [];
  if (active.length === 0)
    throw new SimError("DataUnavailableException", "No Savings Plans data is available for the requested time period.", 400);
  const sum = active.reduce(
    (s, a) => ({
      riPurchased: 0,
      riUsed: 0,
      spCommitment: s.spCommitment + a.totals.spCommitment,
      spUsed: s.spUsed + a.totals.spUsed,
      spOnDemand: s.spOnDemand + a.totals.spOnDemand,
    }),
    { riPurchased: 0, riUsed: 0, spCommitment: 0, spUsed: 0, spOnDemand: 0 },
  );
  return {
    SavingsPlansUtilizationsByTime: active.map(({ period, totals }) => ({
      TimePeriod: periodShape(period),
      ...savingsPlanAggregates(totals),
    })),
    Total: savingsPlanAggregates(sum),
  };
}

export function getSavingsPlansCoverage(input: Input, context: CallContext): unknown {
  const data = context.state.data;
  const groupBy = input.objects("GroupBy");
  if (groupBy.length > 0 && input.string("Granularity")) {
    throw new SimError("ValidationException", "Granularity and GroupBy cannot both be set", 400);
  }
  const { periods } = periodsOf(input, data.today, "MONTHLY");
  const filter = compileFilter(input.object("Filter"));
  const groupKey = groupBy[0]?.string("Key");
  const keyOf: LineKey =
    groupKey === "LINKED_ACCOUNT"
      ? (_l, a) => a.id
      : groupKey === "INSTANCE_FAMILY"
        ? (l) => l.instanceType.split(".")[0] ?? ""
        : groupKey === "SERVICE"
          ? (l) => l.service
          : () => "";
  const eligible = (l: { service: string; purchaseType: string }) =>
    l.service === SERVICE.ec2 && (l.purchaseType === PURCHASE.onDemand || l.purchaseType === PURCHASE.savingsPlans);
  const rows = periods.flatMap((period) => {
    const sums = aggregate(
      data,
      visibleAccounts(context),
      period,
      (l, a) => eligible(l) && filter(l, a),
      (l, a) => `${keyOf(l, a)}\u0000${l.purchaseType}`,
    );
    const keys = [...new Set([...sums.keys()].map((k) => k.split("\u0000")[0] ?? ""))].sort();
    return keys.map((key) => {
      const covered = (sums.get(`${key}\u0000${PURCHASE.savingsPlans}`)?.unblended ?? 0) / SAVINGS_PLAN_RATE;
      const onDemand = sums.get(`${key}\u0000${PURCHASE.onDemand}`)?.unblended ?? 0;
      return {
        Attributes: groupKey ? { [groupKey]: key } : {},
        Coverage: {
          SpendCoveredBySavingsPlans: num(covered),
          OnDemandCost: num(onDemand),
          TotalCost: num(covered + onDemand),
          CoveragePercentage: num(covered + onDemand > 0 ? (100 * covered) / (covered + onDemand) : 0),
        },
        TimePeriod: periodShape(period),
      };
    });
  });
  const page = paginate(rows, {
    token: input.string("NextToken"),
    requested: input.number("MaxResults"),
    defaultPageSize: 20,
    maxPageSize: 1000,
    scope: `sp-coverage:${JSON.stringify([input.raw.TimePeriod, input.raw.GroupBy, input.raw.Filter])}`,
    invalidToken: () => new SimError("InvalidNextTokenException", "The NextToken is invalid.", 400),
  });
  return { SavingsPlansCoverages: page.items, NextToken: page.nextToken };
}
