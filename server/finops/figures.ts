import { architectureOf, x86Equivalent } from "./instance-types";
import type { PriceBook } from "./prices/price-book";
import { D, maxZero, min, ratio, sum, ZERO, type Decimal } from "./formulas/decimal";
import { stackPotential, type PotentialLine } from "./formulas/potential";
import { Basis, listPriceRatio } from "./formulas/prices";
import { allocateCommitments, allocatedSpotSavings, gravitonCounterfactual, onDemandEquivalent } from "./formulas/realized";
import { spotDiscountFor, type OrgContext } from "./context";
import type { AccountMonth } from "./load/types";
import type { Architecture, CostSource, PurchaseOption } from "./types";

// One account-month's figures, the unit every FinOps number is a sum of (overview, breakdowns,
// trend, export and the FinOps practice's maturity checks).

/** Fallback realized Graviton factor when a list price is missing: Graviton 20% below Intel → 1/0.8 − 1. */
const GRAVITON_REALIZED_FALLBACK = D(1).div(D("0.8")).minus(1);

export interface NodePoolFigures {
  nodePool: string;
  cost: Decimal;
  spot: Decimal | null;
  graviton: Decimal | null;
  spotSavings: Decimal | null;
}

export interface AccountFigures {
  accountId: string;
  month: string;
  source: CostSource;
  payerRef: string | null;
  estimated: boolean;
  /** Figures allocated from organisation totals (CE) rather than read from the account's own rows. */
  allocated: boolean;
  effectiveCost: Decimal;
  /** The unused RI fee CE booked on this account's Reserved rows, taken out of its usage. */
  bookedRiFee: Decimal;
  byArchitecture: Record<Architecture, Decimal>;
  byPurchase: Record<PurchaseOption, Decimal>;
  wasteRi: Decimal;
  wasteSp: Decimal;
  realizedSpot: Decimal;
  commitmentsNet: Decimal;
  commitmentsGross: Decimal;
  realizedGraviton: Decimal;
  onDemandEquivalent: Decimal;
  potentialGraviton: Decimal;
  potentialSpot: Decimal;
  potentialCommitments: Decimal;
  onDemand: Decimal;
  remainingOnDemand: Decimal;
  runsSpot: boolean;
  nodePools: NodePoolFigures[];
  basis: {
    spot: Basis;
    graviton: Basis;
    potentialGraviton: Basis;
    potentialSpot: Basis;
    potentialCommitments: Basis;
    commitments: Basis;
  };
}

function architectureSplit(types: { instanceType: string; cost: Decimal }[]): Record<Architecture, Decimal> {
  const out: Record<Architecture, Decimal> = { graviton: ZERO, x86: ZERO, other: ZERO };
  for (const t of types) {
    const arch = architectureOf(t.instanceType);
    out[arch] = out[arch].plus(t.cost);
  }
  return out;
}

function realizedGraviton(types: { instanceType: string; cost: Decimal }[], prices: PriceBook, basis: Basis): Decimal {
  let total = ZERO;
  for (const t of types) {
    if (architectureOf(t.instanceType) !== "graviton") continue;
    const x86 = x86Equivalent(t.instanceType);
    const factor = x86 ? listPriceRatio(prices, t.instanceType, x86, basis) : undefined;
    if (factor !== undefined) total = total.plus(gravitonCounterfactual(t.cost, factor, D(1)));
    else if (x86) {
      basis.add("fallback-percentage");
      total = total.plus(t.cost.times(GRAVITON_REALIZED_FALLBACK));
    }
  }
  return total;
}

/** Cost Explorer: the account's own rows, with what CE gives only organisation-wide allocated. */
function ceLines(am: AccountMonth, ctx: OrgContext, fee: Decimal) {
  const weights = am.types.map((t) => ctx.reservedRaw.get(t.instanceType) ?? ZERO);
  const weightTotal = sum(weights);
  const types = am.types.map((t, i) => ({
    instanceType: t.instanceType,
    cost: maxZero(t.cost.minus(fee.times(ratio(weights[i]!, weightTotal) ?? ZERO))),
  }));
  const lines: PotentialLine[] = types.map((t) => {
    const share = ctx.typeShares.get(t.instanceType);
    return {
      instanceType: t.instanceType,
      effectiveCost: t.cost,
      reservedCost: t.cost.times(share?.reserved ?? ZERO),
      onDemandCost: t.cost.times(share?.on_demand ?? D(1)),
      ineligibleCost: ZERO,
    };
  });
  // Scale the allocated on-demand split to the account's own on-demand total (account × purchase type).
  const scale = ratio(am.purchase.on_demand, sum(lines.map((l) => l.onDemandCost)));
  if (scale !== null) for (const l of lines) l.onDemandCost = l.onDemandCost.times(scale);
  return { types, lines };
}

function focusLines(am: AccountMonth): PotentialLine[] {
  const byType = new Map<string, PotentialLine>();
  for (const l of am.exact?.lines ?? []) {
    const line = byType.get(l.instanceType) ?? {
      instanceType: l.instanceType,
      effectiveCost: ZERO,
      reservedCost: ZERO,
      onDemandCost: ZERO,
      ineligibleCost: ZERO,
    };
    line.effectiveCost = line.effectiveCost.plus(l.cost);
    if (l.purchase === "reserved") line.reservedCost = line.reservedCost.plus(l.cost);
    if (l.purchase === "on_demand") line.onDemandCost = line.onDemandCost.plus(l.cost);
    line.ineligibleCost = line.ineligibleCost.plus(l.windowsCost);
    byType.set(l.instanceType, line);
  }
  return [...byType.values()];
}

/** Everything but the commitment potential, which needs the organisation's on-demand total (overview.ts). */
export function accountFigures(am: AccountMonth, ctx: OrgContext, prices: PriceBook): AccountFigures {
  const basis = {
    spot: new Basis(),
    graviton: new Basis(),
    potentialGraviton: new Basis(),
    potentialSpot: new Basis(),
    potentialCommitments: new Basis(),
    commitments: new Basis(),
  };
  const focus = am.source === "focus";
  const rawTotal = sum(am.types.map((t) => t.cost));
  const fee = !focus && ctx.feeAccount === am.accountId ? min(ctx.riUnused, am.purchase.reserved) : ZERO;
  const { types, lines } = focus ? { types: am.types, lines: focusLines(am) } : ceLines(am, ctx, fee);
  const byPurchase = { ...am.purchase, reserved: am.purchase.reserved.minus(fee) };
  const effectiveCost = rawTotal.minus(fee);

  let realizedSpot: Decimal;
  let commitments: { net: Decimal; gross: Decimal; wasteRi: Decimal; wasteSp: Decimal };
  if (focus) {
    basis.spot.add("focus");
    basis.commitments.add("focus");
    const exact = am.exact!;
    const gain = (option: PurchaseOption) =>
      sum(exact.lines.filter((l) => l.purchase === option && l.listCost !== null).map((l) => l.listCost!.minus(l.cost)));
    realizedSpot = gain("spot");
    const gross = gain("reserved").plus(gain("savings_plans"));
    commitments = { gross, wasteRi: exact.wasteRi, wasteSp: exact.wasteSp, net: gross.minus(exact.wasteRi).minus(exact.wasteSp) };
  } else {
    basis.spot.add("cost-explorer");
    basis.spot.merge(ctx.spotBasis);
    basis.commitments.add("cost-explorer");
    realizedSpot = allocatedSpotSavings(byPurchase.spot, ctx.spotOde, ctx.spotCost);
    commitments = allocateCommitments(
      { net: ctx.commitmentNet, riUnused: ctx.riUnused, spUnused: ctx.spUnused, coveredCost: ctx.coveredCost },
      byPurchase.reserved.plus(byPurchase.savings_plans),
    );
  }
  const runsSpot = byPurchase.spot.greaterThan(0);
  const stack = stackPotential({ lines, runsSpot, spotDiscount: (families) => spotDiscountFor(ctx, families), prices });
  basis.potentialGraviton.merge(stack.gravitonBasis);
  basis.potentialSpot.merge(stack.spotBasis);
  const spotFactor = ratio(ctx.spotOde, ctx.spotCost);
  const nodePools = am.nodePools.map((p): NodePoolFigures => {
    const spot = p.spot ?? (ctx.nodePoolSpotShare.get(p.nodePool) ?? null)?.times(p.cost) ?? null;
    return {
      nodePool: p.nodePool,
      cost: p.cost,
      spot,
      graviton: p.graviton,
      spotSavings: spot !== null && spotFactor !== null ? spot.times(spotFactor.minus(1)) : null,
    };
  });
  return {
    accountId: am.accountId,
    month: am.month,
    source: am.source,
    payerRef: am.payerRef,
    estimated: am.estimated,
    allocated: !focus,
    effectiveCost,
    bookedRiFee: fee,
    byArchitecture: architectureSplit(types),
    byPurchase,
    wasteRi: commitments.wasteRi,
    wasteSp: commitments.wasteSp,
    realizedSpot,
    commitmentsNet: commitments.net,
    commitmentsGross: commitments.gross,
    realizedGraviton: realizedGraviton(types, prices, basis.graviton),
    onDemandEquivalent: onDemandEquivalent({
      effectiveCost,
      waste: commitments.wasteRi.plus(commitments.wasteSp),
      realizedSpot,
      realizedCommitmentsNet: commitments.net,
    }),
    potentialGraviton: stack.graviton,
    potentialSpot: stack.spot,
    potentialCommitments: ZERO,
    onDemand: stack.onDemand,
    remainingOnDemand: stack.remainingOnDemand,
    runsSpot,
    nodePools,
    basis,
  };
}
