import { fraction, money, ratio, type Decimal } from "./formulas/decimal";
import { COMMITMENT_FALLBACK_RATE, SPOT_FALLBACK_DISCOUNT } from "./formulas/potential";
import { effectiveSavingsRate } from "./formulas/realized";
import type { Basis } from "./formulas/prices";
import type { Totals } from "./totals";
import type { DrillRef, Explained, Headline, Input, PeriodInfo, PriceBasis } from "./types";

// Each headline number with its formula, inputs, assumptions and what it rests on.

const usd = (label: string, value: Decimal | null): Input => ({ label, value: money(value), unit: "USD" });
const pct = (label: string, value: Decimal | null): Input => ({ label, value: fraction(value), unit: "%" });

const ALLOCATED =
  'Cost Explorer groups by two keys at most: per-account Spot savings, commitment savings and waste are the organisation\'s, allocated (labelled "allocated").';
const WINDOWS = "Cost Explorer's INSTANCE_TYPE grouping cannot tell Windows from Linux usage: all of it is priced as Linux.";

function explained(
  t: Totals,
  value: Decimal | null,
  formula: string,
  inputs: Input[],
  assumptions: string[],
  basis: Basis | PriceBasis[],
  drill?: DrillRef,
): Explained {
  const kinds = Array.isArray(basis) ? basis : basis.list();
  const sourceBasis: PriceBasis[] = [...t.sources].map((s) => (s === "focus" ? "focus" : "cost-explorer"));
  const all = [...new Set([...sourceBasis, ...kinds])];
  return {
    value: t.count ? money(value) : null,
    formula,
    inputs: t.count ? inputs : inputs.map((i) => ({ ...i, value: null })),
    assumptions: t.count ? assumptions : ["No cost data for this period and filter."],
    basis: t.count ? all : [],
    ...(!Array.isArray(basis) && basis.oldestPrice ? { pricesFetchedAt: basis.oldestPrice } : {}),
    ...(drill ? { drill } : {}),
  };
}

export function headline(t: Totals, period: PeriodInfo, drill: Omit<DrillRef, "table">): Headline {
  const ec2: DrillRef = { table: t.sources.has("focus") && !t.sources.has("cost-explorer") ? "focus" : "ec2", ...drill };
  const commitmentDrill: DrillRef = { table: "commitment", from: drill.from, to: drill.to };
  const waste = t.wasteRi.plus(t.wasteSp);
  const esrValue = effectiveSavingsRate(t.effectiveCost, waste, t.onDemandEquivalent);
  const allocated = t.allocated ? [ALLOCATED] : [];
  const ec = explained(
    t,
    t.effectiveCost,
    "EC2 spend = effective (amortized) cost of EC2 instance usage; the unused RI fee Cost Explorer books on the buying account's Reserved rows is waste, not usage",
    [usd("Effective cost", t.effectiveCost), usd("Unused RI fee taken out", t.bookedRiFee)],
    ["FOCUS: EffectiveCost of EC2 usage rows; Cost Explorer: AmortizedCost grouped by account and instance type."],
    [],
    ec2,
  );
  const ode = explained(
    t,
    t.onDemandEquivalent,
    "On-demand equivalent = effective cost + commitment waste + realized Spot savings + realized commitment savings (net)",
    [
      usd("Effective cost", t.effectiveCost),
      usd("Commitment waste", waste),
      usd("Realized Spot", t.realizedSpot),
      usd("Realized commitments (net)", t.commitmentsNet),
    ],
    allocated,
    t.basis.spot,
  );
  const esr: Explained = {
    ...explained(
      t,
      null,
      "ESR = 1 − (effective cost + commitment waste) ÷ on-demand equivalent",
      [usd("Effective cost", t.effectiveCost), usd("Commitment waste", waste), usd("On-demand equivalent", t.onDemandEquivalent)],
      ["Graviton is a price counterfactual and is not part of the ESR.", ...allocated],
      t.basis.spot,
    ),
    value: t.count ? fraction(esrValue) : null,
  };
  const commitments = explained(
    t,
    t.commitmentsNet,
    "Realized commitments (net of waste) = SP NetSavings + RI NetRISavings; FOCUS: ListCost − EffectiveCost of Committed rows − Unused rows",
    [usd("Gross (net + waste)", t.commitmentsGross), usd("Waste", waste)],
    t.allocated ? ["Per account: the organisation's figures × the account's share of commitment-covered cost (allocated)."] : [],
    t.basis.commitments,
    commitmentDrill,
  );
  const spot = explained(
    t,
    t.realizedSpot,
    "Realized Spot = Σ Spot hours × on-demand list price − Spot cost; FOCUS: ListCost − EffectiveCost of Dynamic rows",
    [usd("Spot cost", t.byPurchase.spot)],
    t.allocated ? ["Per account: account Spot cost × organisation Spot ODE ÷ organisation Spot cost (allocated)."] : [],
    t.basis.spot,
    { ...ec2, purchaseOption: "spot" },
  );
  const graviton = explained(
    t,
    t.realizedGraviton,
    "Realized Graviton (price counterfactual, not in ESR) = Σ Graviton EC × (OD(x86 equivalent) ÷ OD(Graviton) − 1)",
    [usd("Graviton spend", t.byArchitecture.graviton)],
    [
      "Price only: assumes the same instance count on x86; no performance difference counted.",
      "Missing price: Graviton 20% below Intel.",
    ],
    t.basis.graviton,
    { ...ec2, architecture: "graviton" },
  );
  const realizedTotal = t.commitmentsNet.plus(t.realizedSpot);
  const total = explained(
    t,
    realizedTotal,
    "Realized total = commitments (net) + Spot (the ESR levers; Graviton is shown apart)",
    [usd("Commitments (net)", t.commitmentsNet), usd("Spot", t.realizedSpot), usd("Graviton (apart)", t.realizedGraviton)],
    allocated,
    t.basis.spot,
  );
  const wasteRi = explained(
    t,
    t.wasteRi,
    "RI waste = RICostForUnusedHours (FOCUS: Unused reservation rows)",
    [],
    allocated,
    t.basis.commitments,
    commitmentDrill,
  );
  const wasteSp = explained(
    t,
    t.wasteSp,
    "SP waste = UnusedCommitment (FOCUS: Unused Savings Plan rows)",
    [],
    allocated,
    t.basis.commitments,
    commitmentDrill,
  );
  const wasteTotal = explained(
    t,
    waste,
    "Commitment waste = unused RI hours' cost + unused Savings Plans commitment",
    [usd("Reserved Instances", t.wasteRi), usd("Savings Plans", t.wasteSp)],
    allocated,
    t.basis.commitments,
    commitmentDrill,
  );
  const pGraviton = explained(
    t,
    t.potentialGraviton,
    "Potential Graviton = Σ eligible x86 EC × (1 − OD(Graviton equivalent) ÷ OD(x86)); fallback 20% Intel / 10% AMD",
    [usd("x86 spend", t.byArchitecture.x86)],
    [
      "Eligible: x86 types with a Graviton equivalent of the same class, generation and size; never GPU, accelerator, metal or Mac.",
      "RI-covered usage is locked until the term ends and is not counted.",
      WINDOWS,
      "Price-only; assumes the same instance count; performance validation required.",
    ],
    t.basis.potentialGraviton,
    { ...ec2, architecture: "x86" },
  );
  const pSpot = explained(
    t,
    t.potentialSpot,
    "Potential Spot = on-demand spend left after the Graviton cut × the organisation's observed Spot discount of the family",
    [usd("On-demand spend", t.onDemand), pct("Fallback discount", SPOT_FALLBACK_DISCOUNT)],
    [
      "Only accounts that already run some Spot (they tolerate interruption) count.",
      "No observed discount for a family: 55% (fallback).",
    ],
    t.basis.potentialSpot,
    { ...ec2, purchaseOption: "on_demand" },
  );
  const pCommitments = explained(
    t,
    t.potentialCommitments,
    "Potential commitments = CE purchase recommendation × hours ÷ 730 × remaining on-demand ÷ organisation on-demand; else 20% of the remaining on-demand spend",
    [usd("On-demand left after Graviton and Spot", t.remainingOnDemand), pct("Fallback rate", COMMITMENT_FALLBACK_RATE)],
    ["Applied after Graviton and Spot, on what they left: no dollar is counted twice."],
    t.basis.potentialCommitments,
  );
  const potentialTotal = t.potentialGraviton.plus(t.potentialSpot).plus(t.potentialCommitments);
  const pTotal = explained(
    t,
    potentialTotal,
    "Potential total = Graviton + Spot + commitments, stacked in that order",
    [usd("Graviton", t.potentialGraviton), usd("Spot", t.potentialSpot), usd("Commitments", t.potentialCommitments)],
    [],
    [...new Set([...t.basis.potentialGraviton.list(), ...t.basis.potentialSpot.list(), ...t.basis.potentialCommitments.list()])],
  );
  return {
    period: { ...period, estimated: period.estimated || t.estimated },
    ec2Spend: ec,
    onDemandEquivalent: ode,
    esr,
    realized: { commitments, spot, graviton, total },
    waste: { reservedInstances: wasteRi, savingsPlans: wasteSp, total: wasteTotal },
    potential: { graviton: pGraviton, spot: pSpot, commitments: pCommitments, total: pTotal },
  };
}

export const shareOf = (part: Decimal, whole: Decimal): string | null => fraction(ratio(part, whole));
