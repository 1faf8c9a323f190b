import { D, fraction, money, ratio, sum, ZERO, type Decimal } from "./formulas/decimal";
import type { AccountFigures } from "./figures";
import type { coverageByMonth, heldCommitments, storedRecommendations } from "./load/commitments";
import type { PayerMonth } from "./load/types";
import { effectiveSavingsRate } from "./formulas/realized";
import { addUp } from "./totals";
import type {
  BreakdownRow,
  CommitmentMonth,
  CommitmentRow,
  DrillRef,
  KarpenterRiCallout,
  NodePoolRow,
  RecommendationRow,
  TrendMonth,
} from "./types";

// The overview's tables, each a sum of account-month figures or of the payer's commitment rows.

const DAY_MS = 86_400_000;
const m = (v: Decimal) => money(v) ?? "0";

export function trendMonth(month: string, figures: AccountFigures[]): TrendMonth {
  const t = addUp(figures);
  const spend = t.effectiveCost;
  const any = figures.length > 0;
  return {
    month,
    estimated: t.estimated,
    byArchitecture: { graviton: m(t.byArchitecture.graviton), x86: m(t.byArchitecture.x86), other: m(t.byArchitecture.other) },
    byPurchaseOption: {
      on_demand: m(t.byPurchase.on_demand),
      spot: m(t.byPurchase.spot),
      reserved: m(t.byPurchase.reserved),
      savings_plans: m(t.byPurchase.savings_plans),
    },
    gravitonShare: fraction(ratio(t.byArchitecture.graviton, spend)),
    spotShare: fraction(ratio(t.byPurchase.spot, spend)),
    realizedSavings: any ? money(t.commitmentsNet.plus(t.realizedSpot)) : null,
  };
}

export function karpenterArrival(figures: AccountFigures[]): string | null {
  const months = figures.filter((f) => f.nodePools.some((p) => p.nodePool !== "" && p.cost.greaterThan(0))).map((f) => f.month);
  return months.length ? months.sort()[0]! : null;
}

const sumOrNull = (values: (Decimal | null)[]): Decimal | null =>
  values.some((v) => v === null) ? null : sum(values as Decimal[]);

export function nodePoolRows(figures: AccountFigures[], drill: Omit<DrillRef, "table">): NodePoolRow[] {
  const pools = new Map<string, AccountFigures["nodePools"]>();
  for (const f of figures) for (const p of f.nodePools) pools.set(p.nodePool, [...(pools.get(p.nodePool) ?? []), p]);
  return [...pools.entries()]
    .map(([nodePool, list]) => {
      const spend = sum(list.map((p) => p.cost));
      const spot = sumOrNull(list.map((p) => p.spot));
      const graviton = sumOrNull(list.map((p) => p.graviton));
      return {
        nodePool,
        spend: m(spend),
        spotShare: spot === null ? null : fraction(ratio(spot, spend)),
        gravitonShare: graviton === null ? null : fraction(ratio(graviton, spend)),
        realizedSpotSavings: money(sumOrNull(list.map((p) => p.spotSavings))),
        drill: { table: "nodepool" as const, ...drill, nodePool },
      };
    })
    .sort((a, b) => (a.nodePool === "" ? 1 : b.nodePool === "" ? -1 : a.nodePool.localeCompare(b.nodePool)));
}

type Held = Awaited<ReturnType<typeof heldCommitments>>[number];

export function commitmentRow(c: Held, now: Date): CommitmentRow {
  return {
    kind: c.kind === "sp" ? "sp" : "ri",
    commitmentId: c.commitmentId,
    offering: c.offering,
    instanceCount: c.instanceCount,
    hourlyCommitment: c.hourlyCommitment ? m(c.hourlyCommitment) : null,
    region: c.region,
    startsAt: c.startsAt?.toISOString() ?? null,
    endsAt: c.endsAt?.toISOString() ?? null,
    daysLeft: c.endsAt ? Math.max(0, Math.ceil((c.endsAt.getTime() - now.getTime()) / DAY_MS)) : null,
  };
}

export function expiring(held: Held[], now: Date): CommitmentRow[] {
  const horizon = now.getTime() + 90 * DAY_MS;
  return held
    .filter((c) => c.endsAt && c.endsAt.getTime() >= now.getTime() && c.endsAt.getTime() <= horizon)
    .map((c) => commitmentRow(c, now));
}

export function recommendationRows(rows: Awaited<ReturnType<typeof storedRecommendations>>): RecommendationRow[] {
  return rows.map((r) => ({
    savingsPlansType: r.savingsPlansType,
    termInYears: r.termInYears,
    paymentOption: r.paymentOption,
    lookbackDays: r.lookbackDays,
    hourlyCommitment: r.hourlyCommitment ? m(r.hourlyCommitment) : null,
    estimatedMonthlySavings: r.estimatedMonthlySavings ? m(r.estimatedMonthlySavings) : null,
    estimatedSavingsPercentage: r.estimatedSavingsPercentage?.toFixed() ?? null,
    generatedAt: r.generatedAt?.toISOString() ?? null,
  }));
}

export function commitmentMonths(
  months: string[],
  payerMonths: PayerMonth[],
  coverage: Awaited<ReturnType<typeof coverageByMonth>>,
): CommitmentMonth[] {
  return months.map((month) => {
    const pms = payerMonths.filter((p) => p.month === month);
    const ri = pms.flatMap((p) => (p.ri ? [p.ri] : []));
    const sp = pms.flatMap((p) => (p.sp ? [p.sp] : []));
    const riCov = coverage.filter((c) => c.month === month && c.kind === "ri_coverage");
    const spCov = coverage.filter((c) => c.month === month && c.kind === "sp_coverage");
    const s = (list: (Decimal | null)[]) => sum(list.map((v) => v ?? ZERO));
    const riHours = s(ri.map((r) => r.hours));
    const riCovHours = s(riCov.map((c) => c.hours));
    return {
      month,
      riUtilisation: ri.length ? fraction(ratio(riHours.minus(s(ri.map((r) => r.unusedHours))), riHours)) : null,
      riCoverage: riCov.length ? fraction(ratio(riCovHours.minus(s(riCov.map((c) => c.unusedHours))), riCovHours)) : null,
      spUtilisation: sp.length ? fraction(ratio(s(sp.map((r) => r.used)), s(sp.map((r) => r.commitment)))) : null,
      spCoverage: spCov.length ? fraction(ratio(s(spCov.map((c) => c.used)), s(spCov.map((c) => c.commitment)))) : null,
      riUnused: ri.length ? m(s(ri.map((r) => r.unused))) : null,
      spUnused: sp.length ? m(s(sp.map((r) => r.unused))) : null,
    };
  });
}

export function riCallout(
  since: string,
  months: string[],
  payerMonths: PayerMonth[],
  held: Held[],
  now: Date,
): KarpenterRiCallout | null {
  const rows = months
    .filter((month) => month >= since)
    .map((month) => {
      const ri = payerMonths.filter((p) => p.month === month && p.ri).map((p) => p.ri!);
      const hours = sum(ri.map((r) => r.hours ?? ZERO));
      const unusedHours = sum(ri.map((r) => r.unusedHours ?? ZERO));
      return {
        month,
        unusedRiCost: m(sum(ri.map((r) => r.unused))),
        unusedRiHours: m(unusedHours),
        utilisation: fraction(ratio(hours.minus(unusedHours), hours)),
      };
    });
  const total = sum(rows.map((r) => D(r.unusedRiCost)));
  if (total.isZero()) return null;
  return {
    karpenterSince: since,
    months: rows,
    totalUnusedRiCost: m(total),
    reservations: held.filter((c) => c.kind === "ri").map((c) => commitmentRow(c, now)),
  };
}

export function breakdown(
  groups: Map<string, { label: string; figures: AccountFigures[] }>,
  drill: (key: string) => DrillRef,
): BreakdownRow[] {
  return [...groups.entries()]
    .map(([key, { label, figures }]) => {
      const t = addUp(figures);
      const waste = t.wasteRi.plus(t.wasteSp);
      return {
        key,
        label,
        ec2Spend: money(t.effectiveCost),
        gravitonShare: fraction(ratio(t.byArchitecture.graviton, t.effectiveCost)),
        spotShare: fraction(ratio(t.byPurchase.spot, t.effectiveCost)),
        realized: money(t.commitmentsNet.plus(t.realizedSpot)),
        potential: money(t.potentialGraviton.plus(t.potentialSpot).plus(t.potentialCommitments)),
        esr: fraction(effectiveSavingsRate(t.effectiveCost, waste, t.onDemandEquivalent)),
        drill: drill(key),
      };
    })
    .sort((a, b) => Number(b.ec2Spend ?? 0) - Number(a.ec2Spend ?? 0) || a.key.localeCompare(b.key));
}
