import { sum, ZERO, type Decimal } from "./formulas/decimal";
import { Basis } from "./formulas/prices";
import type { AccountFigures } from "./figures";
import type { Architecture, CostSource, PurchaseOption } from "./types";

// A filtered figure is the sum of its account-months: these are those sums.

export interface Totals {
  count: number;
  effectiveCost: Decimal;
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
  bookedRiFee: Decimal;
  byArchitecture: Record<Architecture, Decimal>;
  byPurchase: Record<PurchaseOption, Decimal>;
  sources: Set<CostSource>;
  allocated: boolean;
  estimated: boolean;
  basis: AccountFigures["basis"];
}

export function addUp(figures: AccountFigures[]): Totals {
  const pick = (f: (x: AccountFigures) => Decimal) => sum(figures.map(f));
  const basis = {
    spot: new Basis(),
    graviton: new Basis(),
    potentialGraviton: new Basis(),
    potentialSpot: new Basis(),
    potentialCommitments: new Basis(),
    commitments: new Basis(),
  };
  for (const f of figures) for (const k of Object.keys(basis) as (keyof typeof basis)[]) basis[k].merge(f.basis[k]);
  return {
    count: figures.length,
    effectiveCost: pick((f) => f.effectiveCost),
    wasteRi: pick((f) => f.wasteRi),
    wasteSp: pick((f) => f.wasteSp),
    realizedSpot: pick((f) => f.realizedSpot),
    commitmentsNet: pick((f) => f.commitmentsNet),
    commitmentsGross: pick((f) => f.commitmentsGross),
    realizedGraviton: pick((f) => f.realizedGraviton),
    onDemandEquivalent: pick((f) => f.onDemandEquivalent),
    potentialGraviton: pick((f) => f.potentialGraviton),
    potentialSpot: pick((f) => f.potentialSpot),
    potentialCommitments: pick((f) => f.potentialCommitments),
    onDemand: pick((f) => f.onDemand),
    remainingOnDemand: pick((f) => f.remainingOnDemand),
    bookedRiFee: pick((f) => f.bookedRiFee),
    byArchitecture: {
      graviton: pick((f) => f.byArchitecture.graviton),
      x86: pick((f) => f.byArchitecture.x86),
      other: pick((f) => f.byArchitecture.other),
    },
    byPurchase: {
      on_demand: pick((f) => f.byPurchase.on_demand),
      spot: pick((f) => f.byPurchase.spot),
      reserved: pick((f) => f.byPurchase.reserved),
      savings_plans: pick((f) => f.byPurchase.savings_plans),
    },
    sources: new Set(figures.map((f) => f.source)),
    allocated: figures.some((f) => f.allocated),
    estimated: figures.some((f) => f.estimated),
    basis,
  };
}

export const noFigures = (): Totals => addUp([]);
export { ZERO };
