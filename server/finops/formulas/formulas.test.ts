import { describe, expect, it } from "vitest";
import { fixedPriceBook } from "../prices/price-book";
import { D, ratio, sum } from "./decimal";
import { commitmentPotential, gravitonCut, observedSpotDiscount, stackPotential, type PotentialLine } from "./potential";
import { Basis } from "./prices";
import {
  allocateCommitments,
  allocatedSpotSavings,
  effectiveSavingsRate,
  gravitonCounterfactual,
  onDemandEquivalent,
  spotSavings,
} from "./realized";

// Golden values worked out by hand on rows built here.

const s = (v: { toDecimalPlaces(n: number): { toFixed(): string } } | null) =>
  v === null ? null : v.toDecimalPlaces(6).toFixed();
const line = (instanceType: string, effectiveCost: string, reserved = "0", onDemand = "0", ineligible = "0"): PotentialLine => ({
  instanceType,
  effectiveCost: D(effectiveCost),
  reservedCost: D(reserved),
  onDemandCost: D(onDemand),
  ineligibleCost: D(ineligible),
});

describe("decimals", () => {
  it("sums exactly: 0.1 + 0.2 is 0.3 and a thousand cents are ten dollars", () => {
    expect(sum([D("0.1"), D("0.2")]).equals(D("0.3"))).toBe(true);
    expect(sum(Array.from({ length: 1000 }, () => D("0.01"))).toFixed()).toBe("10");
    expect(ratio(D(1), D(0))).toBeNull();
  });
});

describe("realized savings and ESR", () => {
  it("keeps ODE = EC + waste + Spot + commitments (net), so ESR = 1 − (EC + waste) ÷ ODE", () => {
    const parts = { effectiveCost: D(100), waste: D(10), realizedSpot: D(30), realizedCommitmentsNet: D(20) };
    const ode = onDemandEquivalent(parts);
    expect(ode.toFixed()).toBe("160");
    expect(s(effectiveSavingsRate(parts.effectiveCost, parts.waste, ode))).toBe("0.3125");
    expect(ode.minus(parts.effectiveCost.plus(parts.waste)).toFixed()).toBe("50");
    expect(effectiveSavingsRate(D(0), D(0), D(0))).toBeNull();
  });

  it("prices Spot hours at on-demand list and takes the Spot cost off", () => {
    expect(spotSavings(D(10), D("0.192"), D("0.672")).toFixed()).toBe("1.248");
  });

  it("allocates the organisation's Spot ratio to an account's Spot cost", () => {
    expect(allocatedSpotSavings(D(35), D(200), D(70)).toFixed()).toBe("65");
    expect(allocatedSpotSavings(D(35), D(0), D(0)).toFixed()).toBe("0");
  });

  it("allocates commitment savings and waste by the share of covered cost; gross = net + waste", () => {
    const share = allocateCommitments({ net: D(50), riUnused: D(20), spUnused: D(10), coveredCost: D(1000) }, D(250));
    expect({
      net: share.net.toFixed(),
      ri: share.wasteRi.toFixed(),
      sp: share.wasteSp.toFixed(),
      gross: share.gross.toFixed(),
    }).toEqual({ net: "12.5", ri: "5", sp: "2.5", gross: "20" });
  });

  it("counts Graviton as a price counterfactual against the x86 equivalent", () => {
    expect(s(gravitonCounterfactual(D("81.6"), D("0.1008"), D("0.0816")))).toBe("19.2");
  });
});

describe("potential savings, stacked Graviton → Spot → commitments", () => {
  const prices = fixedPriceBook({ "m5.xlarge": "0.2", "m6g.xlarge": "0.16" });
  const observed = () => ({ rate: D("0.6"), basis: "observed" as const });

  it("moves eligible x86 to Graviton, then what stays on demand to Spot, and leaves nothing for commitments", () => {
    // m5.xlarge: 100 EC of which 40 RI-covered (locked) and 60 on demand. Graviton: 60 × (1 − 0.16/0.2) = 12.
    // Spot: the 60 on demand now costs 60 × 0.8 = 48 → × 60% observed = 28.8. Nothing remains.
    const result = stackPotential({
      lines: [line("m5.xlarge", "100", "40", "60")],
      runsSpot: true,
      spotDiscount: observed,
      prices,
    });
    expect([result.graviton.toFixed(), result.spot.toFixed(), result.remainingOnDemand.toFixed()]).toEqual(["12", "28.8", "0"]);
    expect(result.gravitonBasis.list()).toEqual(["price-list"]);
    expect(result.spotBasis.list()).toEqual(["observed"]);
  });

  it("gives commitments what Graviton left where the account runs no Spot: 20% fallback of 48", () => {
    const result = stackPotential({
      lines: [line("m5.xlarge", "100", "40", "60")],
      runsSpot: false,
      spotDiscount: observed,
      prices,
    });
    expect([result.spot.toFixed(), result.remainingOnDemand.toFixed()]).toEqual(["0", "48"]);
    const commitments = commitmentPotential(result.remainingOnDemand, null, D(720));
    expect(commitments).toEqual({ value: D("9.6"), basis: "fallback-percentage" });
    // No dollar twice: the three levers never exceed the spend they act on.
    expect(result.graviton.plus(commitments.value).lessThan(D(100))).toBe(true);
  });

  it("scales CE's recommendation to the period and the on-demand spend left, allocated by share", () => {
    // 730 a month, 720 hours in the period, 50 of the organisation's 200 on demand left here.
    const value = commitmentPotential(D(50), { monthlySavings: D(730), organisationOnDemand: D(200) }, D(720));
    expect(value).toEqual({ value: D(180), basis: "cost-explorer" });
  });

  it("never counts GPU, metal, Mac or Graviton types, nor RI-covered or Windows usage", () => {
    for (const type of ["p4d.24xlarge", "g4dn.xlarge", "m5.metal", "mac2.metal", "m7g.xlarge", "NoInstanceType"]) {
      expect(gravitonCut(line(type, "100", "0", "100"), prices, new Basis()).saving.toFixed(), type).toBe("0");
    }
    const cut = gravitonCut(line("m5.xlarge", "100", "30", "70", "50"), prices, new Basis());
    expect(cut.saving.toFixed()).toBe("4"); // (100 − 30 RI − 50 Windows) × 20%
  });

  it("falls back from fetched prices to the dated table, then to 20% Intel / 10% AMD", () => {
    const table = new Basis();
    expect(s(gravitonCut(line("m6i.large", "96", "0", "96"), fixedPriceBook({}), table).saving)).toBe("19"); // 96 × (1 − 0.077/0.096) = 96 − 77
    expect(table.list()).toEqual(["fallback-table"]);
    expect(table.oldestPrice).toBe("2026-06-01");
    const percentage = new Basis();
    expect(gravitonCut(line("m6i.32xlarge", "100", "0", "100"), fixedPriceBook({}), percentage).saving.toFixed()).toBe("20");
    expect(gravitonCut(line("m6a.32xlarge", "100", "0", "100"), fixedPriceBook({}), percentage).saving.toFixed()).toBe("10");
    expect(percentage.list()).toEqual(["fallback-percentage"]);
  });

  it("reads the observed Spot discount as 1 − Spot cost ÷ on-demand equivalent", () => {
    expect(observedSpotDiscount(D(35), D(100))?.toFixed()).toBe("0.65");
    expect(observedSpotDiscount(D(0), D(0))).toBeNull();
  });
});
