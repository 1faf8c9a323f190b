import { D, ratio, ZERO, type Decimal } from "./decimal";

// Realized savings and commitment waste (research/finops.md §5), as pure functions.
// Definitions chosen so that, per account-month and for any sum of them:
//   ODE = EC + waste + realized Spot + realized commitments (net)
//       = EC + realized Spot + realized commitments (gross)        (gross = net + waste)
//   ESR = 1 − (EC + waste) ÷ ODE, hence ODE − (EC + waste) = realized Spot + commitments (net).

/** Effective savings rate; null when there is no on-demand equivalent (no data). */
export function effectiveSavingsRate(effectiveCost: Decimal, waste: Decimal, onDemandEquivalent: Decimal): Decimal | null {
  const paid = ratio(effectiveCost.plus(waste), onDemandEquivalent);
  return paid === null ? null : D(1).minus(paid);
}

export function onDemandEquivalent(p: {
  effectiveCost: Decimal;
  waste: Decimal;
  realizedSpot: Decimal;
  realizedCommitmentsNet: Decimal;
}): Decimal {
  return p.effectiveCost.plus(p.waste).plus(p.realizedSpot).plus(p.realizedCommitmentsNet);
}

/** Spot: Σ Spot hours × on-demand list price − Spot cost (CE per instance type, organisation-wide). */
export function spotSavings(hours: Decimal, onDemandPrice: Decimal, spotCost: Decimal): Decimal {
  return hours.times(onDemandPrice).minus(spotCost);
}

/**
 * An account's realized Spot savings from the organisation's observed ratio: CE gives Spot hours
 * by instance type only organisation-wide, so account Spot cost × org Spot ODE ÷ org Spot cost − account Spot cost.
 */
export function allocatedSpotSavings(accountSpotCost: Decimal, orgSpotOde: Decimal, orgSpotCost: Decimal): Decimal {
  const factor = ratio(orgSpotOde, orgSpotCost);
  return factor === null ? ZERO : accountSpotCost.times(factor).minus(accountSpotCost);
}

export interface OrgCommitments {
  /** SP NetSavings + RI NetRISavings: already net of the unused part. */
  net: Decimal;
  riUnused: Decimal;
  spUnused: Decimal;
  /** Usage cost covered by commitments (Reserved + Savings Plans purchase types, unused fee excluded). */
  coveredCost: Decimal;
}

export interface CommitmentShare {
  net: Decimal;
  gross: Decimal;
  wasteRi: Decimal;
  wasteSp: Decimal;
}

/** The organisation's commitment figures allocated to an account by its share of covered cost. */
export function allocateCommitments(org: OrgCommitments, accountCoveredCost: Decimal): CommitmentShare {
  const share = ratio(accountCoveredCost, org.coveredCost) ?? ZERO;
  const wasteRi = org.riUnused.times(share);
  const wasteSp = org.spUnused.times(share);
  const net = org.net.times(share);
  return { net, gross: net.plus(wasteRi).plus(wasteSp), wasteRi, wasteSp };
}

/** Graviton (price counterfactual): effective cost × (OD(x86 equivalent) ÷ OD(Graviton) − 1). */
export function gravitonCounterfactual(effectiveCost: Decimal, x86Price: Decimal, gravitonPrice: Decimal): Decimal {
  if (gravitonPrice.isZero()) return ZERO;
  return effectiveCost.times(x86Price.div(gravitonPrice).minus(1));
}
