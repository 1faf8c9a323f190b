import { describe, expect, it } from "vitest";
import { orgContext } from "./context";
import { accountFigures } from "./figures";
import { D, ZERO } from "./formulas/decimal";
import { effectiveSavingsRate } from "./formulas/realized";
import type { AccountMonth, PayerMonth, TypePurchase } from "./load/types";
import { fixedPriceBook } from "./prices/price-book";
import { addUp } from "./totals";

// Account-month figures from hand-built rows of each source, worked out by hand in the comments.

const prices = fixedPriceBook({ "m5.xlarge": "0.2", "m6g.xlarge": "0.16", "m7g.xlarge": "0.16", "m7i.xlarge": "0.2" });
const tp = (
  instanceType: string,
  purchase: TypePurchase["purchase"],
  cost: string,
  hours = "0",
  listCost: string | null = null,
): TypePurchase => ({
  instanceType,
  purchase,
  cost: D(cost),
  hours: D(hours),
  listCost: listCost === null ? null : D(listCost),
  windowsCost: ZERO,
});
const purchase = (on_demand: string, spot: string, reserved: string, savings_plans: string) => ({
  on_demand: D(on_demand),
  spot: D(spot),
  reserved: D(reserved),
  savings_plans: D(savings_plans),
});
const v = (x: { toDecimalPlaces(n: number): { toFixed(): string } }) => x.toDecimalPlaces(6).toFixed();

describe("Cost Explorer account-months", () => {
  // Organisation (accountId "*"): m5.xlarge on demand 40, Reserved 60 of which 20 is the unused RI
  // fee, Spot 30 for 500 hours (ODE 500 × 0.2 = 100); m7g.xlarge under the Savings Plan 50.
  // RI: unused 20, NetRISavings 10; SP: unused 5, NetSavings 15.
  const payer: PayerMonth = {
    payerRef: "payer",
    payerAccountId: "111111111111",
    month: "2026-10",
    typePurchase: [
      tp("m5.xlarge", "on_demand", "40"),
      tp("m5.xlarge", "reserved", "60"),
      tp("m5.xlarge", "spot", "30", "500"),
      tp("m7g.xlarge", "savings_plans", "50"),
    ],
    nodePoolPurchase: [{ nodePool: "spot", purchase: "spot", cost: D(30) }],
    ri: { unused: D(20), netSavings: D(10), hours: D(100), unusedHours: D(25), commitment: null, used: null },
    sp: { unused: D(5), netSavings: D(15), hours: null, unusedHours: null, commitment: D(55), used: D(50) },
  };
  const month = (accountId: string, types: [string, string][], p: ReturnType<typeof purchase>): AccountMonth => ({
    source: "cost-explorer",
    accountId,
    month: "2026-10",
    payerRef: "payer",
    estimated: false,
    types: types.map(([instanceType, cost]) => ({ instanceType, cost: D(cost), hours: ZERO })),
    purchase: p,
    nodePools: [],
  });
  // The payer's own account carries only the unused RI fee; the member runs everything.
  const payerAccount = month("111111111111", [["m5.xlarge", "20"]], purchase("0", "0", "20", "0"));
  const member = month(
    "222222222222",
    [
      ["m5.xlarge", "110"],
      ["m7g.xlarge", "50"],
    ],
    purchase("40", "30", "40", "50"),
  );
  const ctx = orgContext(payer.typePurchase, prices, payer, [payerAccount, member]);

  it("takes the unused RI fee out of the buying account's usage: it is waste, not EC2 spend", () => {
    const f = accountFigures(payerAccount, ctx, prices);
    expect([v(f.effectiveCost), v(f.bookedRiFee), v(f.commitmentsGross)]).toEqual(["0", "20", "0"]);
  });

  it("allocates Spot, commitment savings and waste from the organisation, and keeps the ODE identity", () => {
    const f = accountFigures(member, ctx, prices);
    // Covered cost: 40 Reserved usage + 50 SP = the organisation's 90, so the member takes it all.
    expect({
      ec: v(f.effectiveCost),
      spot: v(f.realizedSpot), // 30 × 100 ÷ 30 − 30
      net: v(f.commitmentsNet), // 10 + 15
      wasteRi: v(f.wasteRi),
      wasteSp: v(f.wasteSp),
      gross: v(f.commitmentsGross),
      graviton: v(f.realizedGraviton), // 50 × (0.2 ÷ 0.16 − 1)
      ode: v(f.onDemandEquivalent), // 160 + 25 + 70 + 25
    }).toEqual({ ec: "160", spot: "70", net: "25", wasteRi: "20", wasteSp: "5", gross: "50", graviton: "12.5", ode: "280" });
    expect(v(effectiveSavingsRate(f.effectiveCost, f.wasteRi.plus(f.wasteSp), f.onDemandEquivalent)!)).toBe("0.339286");
    // Allocation ratios (100 ÷ 30) are not finite decimals: the identity holds to the micro-dollar.
    expect(v(f.onDemandEquivalent.minus(f.effectiveCost).minus(f.wasteRi).minus(f.wasteSp))).toBe(
      v(f.realizedSpot.plus(f.commitmentsNet)),
    );
  });

  it("stacks the potential: Graviton on non-RI x86, Spot on what stays on demand, nothing left for commitments", () => {
    const f = accountFigures(member, ctx, prices);
    // m5.xlarge 110: 4/11 Reserved (40, locked) → eligible 70 × (1 − 0.16/0.2) = 14.
    // On demand 40 → 32 on m6g; m6g has no Spot of its own, m5 does (1 − 30/100 = 70%) → 22.4.
    expect([v(f.potentialGraviton), v(f.potentialSpot), v(f.remainingOnDemand)]).toEqual(["14", "22.4", "0"]);
    expect(f.basis.potentialSpot.list()).toEqual(["observed"]);
  });

  it("sums account-months into the organisation's figures", () => {
    const t = addUp([accountFigures(payerAccount, ctx, prices), accountFigures(member, ctx, prices)]);
    expect([v(t.effectiveCost), v(t.wasteRi.plus(t.wasteSp)), v(t.commitmentsNet)]).toEqual(["160", "25", "25"]);
  });
});

describe("FOCUS account-months", () => {
  // On demand 10 (list 10), Spot 3 (list 10), RI-covered 6 (list 10), SP-covered 8 (list 10);
  // Unused rows: reservation 2, Savings Plan 1.
  const lines = [
    tp("m5.xlarge", "on_demand", "10", "50", "10"),
    tp("m5.xlarge", "spot", "3", "50", "10"),
    tp("m5.xlarge", "reserved", "6", "50", "10"),
    tp("m7g.xlarge", "savings_plans", "8", "62.5", "10"),
  ];
  const am: AccountMonth = {
    source: "focus",
    accountId: "333333333333",
    month: "2026-10",
    payerRef: null,
    estimated: false,
    types: [
      { instanceType: "m5.xlarge", cost: D(19), hours: D(150) },
      { instanceType: "m7g.xlarge", cost: D(8), hours: D("62.5") },
    ],
    purchase: purchase("10", "3", "6", "8"),
    nodePools: [],
    exact: { lines, wasteRi: D(2), wasteSp: D(1) },
  };

  it("reads savings exactly from ListCost − EffectiveCost, and ODE equals the list cost", () => {
    const f = accountFigures(am, orgContext(lines, prices, null, []), prices);
    expect({
      ec: v(f.effectiveCost),
      spot: v(f.realizedSpot),
      gross: v(f.commitmentsGross),
      net: v(f.commitmentsNet),
      ode: v(f.onDemandEquivalent),
    }).toEqual({ ec: "27", spot: "7", gross: "6", net: "3", ode: "40" });
    expect(f.allocated).toBe(false);
    expect(v(effectiveSavingsRate(f.effectiveCost, f.wasteRi.plus(f.wasteSp), f.onDemandEquivalent)!)).toBe("0.25");
  });
});
