import { architectureOf, gravitonEquivalent, parseInstanceType } from "../instance-types";
import type { PriceBook } from "../prices/price-book";
import { D, maxZero, ratio, ZERO, type Decimal } from "./decimal";
import { Basis, listPriceRatio } from "./prices";

// Potential savings, stacked Graviton → Spot → commitments, each lever applied to what the
// previous ones left, so no dollar is counted twice (research/finops.md §5 "Stacking rule").

export const GRAVITON_FALLBACK = { intel: D("0.20"), amd: D("0.10") } as const;
export const SPOT_FALLBACK_DISCOUNT = D("0.55");
export const COMMITMENT_FALLBACK_RATE = D("0.20");

/** One instance type's EC2 usage in an account-month, split as far as the source allows. */
export interface PotentialLine {
  instanceType: string;
  /** Effective cost of the usage (waste excluded). */
  effectiveCost: Decimal;
  /** Part covered by Reserved Instances: locked until the term ends, never Graviton-eligible. */
  reservedCost: Decimal;
  /** Part bought on demand (neither Spot nor covered by a commitment). */
  onDemandCost: Decimal;
  /** Part that can never move (Windows usage where the source tells it apart). */
  ineligibleCost: Decimal;
}

export interface SpotDiscount {
  rate: Decimal;
  basis: "observed" | "fallback-percentage";
}

export interface GravitonCut {
  /** Saving on the eligible effective cost. */
  saving: Decimal;
  /** Price factor OD(Graviton) ÷ OD(x86) that on-demand spend keeps after the move (1 when not eligible). */
  keeps: Decimal;
  /** Family the usage runs on after the move (the Graviton one when eligible), then the family it ran on. */
  families: string[];
}

/** Graviton potential of one line: eligible x86 EC × (1 − OD(equivalent) ÷ OD(x86)), fallback 20% Intel / 10% AMD. */
export function gravitonCut(line: PotentialLine, prices: PriceBook, basis: Basis): GravitonCut {
  const family = parseInstanceType(line.instanceType)?.family ?? line.instanceType;
  const none = { saving: ZERO, keeps: D(1), families: [family] };
  if (architectureOf(line.instanceType) !== "x86") return none;
  const equivalence = gravitonEquivalent(line.instanceType);
  if (!equivalence.equivalent) return none;
  const eligible = maxZero(line.effectiveCost.minus(line.reservedCost).minus(line.ineligibleCost));
  let keeps = listPriceRatio(prices, line.instanceType, equivalence.equivalent, basis);
  if (keeps === undefined) {
    basis.add("fallback-percentage");
    keeps = D(1).minus(GRAVITON_FALLBACK[equivalence.vendor ?? "intel"]);
  }
  return {
    saving: eligible.times(D(1).minus(keeps)),
    keeps,
    families: [parseInstanceType(equivalence.equivalent)?.family ?? family, family],
  };
}

export interface StackInput {
  lines: PotentialLine[];
  /** The account (or node pool) already runs some Spot: it tolerates interruption. */
  runsSpot: boolean;
  /** The discount of the first family observed (the Graviton family after the move, then the original). */
  spotDiscount(families: string[]): SpotDiscount;
  prices: PriceBook;
}

export interface StackResult {
  graviton: Decimal;
  spot: Decimal;
  /** On-demand spend left after the Graviton and Spot levers: what commitments may cover. */
  remainingOnDemand: Decimal;
  /** On-demand spend before any lever. */
  onDemand: Decimal;
  gravitonBasis: Basis;
  spotBasis: Basis;
}

/**
 * Graviton, then Spot on the on-demand spend the Graviton cut left (× the family's observed Spot
 * discount, only where Spot already runs). Commitments come after, on `remainingOnDemand`.
 */
export function stackPotential(input: StackInput): StackResult {
  const gravitonBasis = new Basis();
  const spotBasis = new Basis();
  let graviton = ZERO;
  let spot = ZERO;
  let remaining = ZERO;
  let onDemand = ZERO;
  for (const line of input.lines) {
    const cut = gravitonCut(line, input.prices, gravitonBasis);
    graviton = graviton.plus(cut.saving);
    // The on-demand part of eligible usage moves too; Windows and RI-covered usage stays as it is.
    const movable = maxZero(line.onDemandCost.minus(line.ineligibleCost));
    const afterGraviton = line.onDemandCost.minus(movable).plus(movable.times(cut.keeps));
    onDemand = onDemand.plus(line.onDemandCost);
    if (input.runsSpot && afterGraviton.greaterThan(0)) {
      const discount = input.spotDiscount(cut.families);
      spotBasis.add(discount.basis);
      spot = spot.plus(afterGraviton.times(discount.rate));
    } else {
      remaining = remaining.plus(afterGraviton);
    }
  }
  return { graviton, spot, remainingOnDemand: remaining, onDemand, gravitonBasis, spotBasis };
}

export interface Recommendation {
  /** CE's EstimatedMonthlySavings for the organisation. */
  monthlySavings: Decimal;
  /** The organisation's on-demand spend (before any lever) in the same period. */
  organisationOnDemand: Decimal;
}

/**
 * Commitments on what Graviton and Spot left: CE's purchase recommendation prorated to the period
 * (× hours ÷ 730), scaled to the remaining on-demand spend and allocated by on-demand share —
 * recommendation × prorate × remaining ÷ organisation on-demand — else 20% of the remaining spend.
 */
export function commitmentPotential(
  remainingOnDemand: Decimal,
  recommendation: Recommendation | null,
  periodHours: Decimal,
): { value: Decimal; basis: "cost-explorer" | "fallback-percentage" } {
  if (recommendation) {
    const share = ratio(remainingOnDemand, recommendation.organisationOnDemand);
    if (share !== null) {
      const prorated = recommendation.monthlySavings.times(periodHours).div(730);
      return { value: prorated.times(share), basis: "cost-explorer" };
    }
  }
  return { value: remainingOnDemand.times(COMMITMENT_FALLBACK_RATE), basis: "fallback-percentage" };
}

/** The organisation's observed Spot discount of a family: 1 − Spot cost ÷ (Spot hours × OD price). */
export function observedSpotDiscount(spotCost: Decimal, spotOnDemandEquivalent: Decimal): Decimal | null {
  const paid = ratio(spotCost, spotOnDemandEquivalent);
  return paid === null ? null : D(1).minus(paid);
}
