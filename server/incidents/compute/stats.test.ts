import { describe, expect, it } from "vitest";
import {
  clopperPearsonInterval,
  durationStats,
  median,
  medianIntervalSorted,
  medianRatioInterval,
  newcombeDifferenceInterval,
  percentile,
  poissonRateRatioInterval,
  wilsonInterval,
} from "./stats";

const at = (iso: string) => new Date(iso);

describe("percentiles (linear interpolation, type 7)", () => {
  it("interpolates between order statistics", () => {
    // n = 4: h = 3·0.5 = 1.5 → 20 + 0.5·(30 − 20) = 25; p90: h = 2.7 → 30 + 0.7·(40 − 30) = 37.
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(percentile([40, 10, 30, 20], 0.9)).toBeCloseTo(37, 10);
    // n = 10 (1..10): p90 h = 8.1 → 9 + 0.1 = 9.1; median h = 4.5 → 5.5.
    expect(percentile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.9)).toBeCloseTo(9.1, 10);
    expect(median([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(5.5);
  });

  it("has no value without data, and the single value for one", () => {
    expect(median([])).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
  });
});

describe("durationStats", () => {
  it("leaves open incidents out of n and counts them, as of the given time", () => {
    const incidents = [
      { startedAt: at("2026-03-01T00:00:00Z"), resolvedAt: at("2026-03-01T01:00:00Z") }, // 3600 s
      { startedAt: at("2026-03-02T00:00:00Z"), resolvedAt: at("2026-03-02T00:10:00Z") }, // 600 s
      { startedAt: at("2026-03-03T00:00:00Z"), resolvedAt: null }, // open
      { startedAt: at("2026-03-04T00:00:00Z"), resolvedAt: at("2026-03-09T00:00:00Z") }, // resolved after asOf: open
    ];
    // Resolved: 600, 3600 → median 2100; p90 h = 0.9 → 600 + 0.9·3000 = 3300.
    expect(durationStats(incidents, at("2026-03-05T00:00:00Z"))).toEqual({ n: 2, median: 2100, p90: 3300, open: 2 });
    expect(durationStats([], at("2026-03-05T00:00:00Z"))).toEqual({ n: 0, median: null, p90: null, open: 0 });
  });
});

describe("proportion intervals", () => {
  // Reference values: scipy.stats.binomtest(k, n).proportion_ci(method="wilson" | "exact")
  // (SciPy 1.17), the same as R's prop.test(correct = FALSE) and binom.test.
  it("Wilson score", () => {
    const w = wilsonInterval(5, 10)!;
    expect(w.low).toBeCloseTo(0.236593, 6);
    expect(w.high).toBeCloseTo(0.763407, 6);
    // 0 of 10: upper = z² / (n + z²) = 3.8415 / 13.8415.
    expect(wilsonInterval(0, 10)!.low).toBe(0);
    expect(wilsonInterval(0, 10)!.high).toBeCloseTo(0.277533, 6);
    expect(wilsonInterval(12, 40)!.low).toBeCloseTo(0.180748, 6);
    expect(wilsonInterval(12, 40)!.high).toBeCloseTo(0.4543, 6);
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it("Clopper–Pearson", () => {
    const cp = clopperPearsonInterval(1, 4)!;
    // Lower by hand: 1 − 0.975^(1/4) = 0.0063095.
    expect(cp.low).toBeCloseTo(0.0063095, 7);
    expect(cp.high).toBeCloseTo(0.8058796, 7);
    expect(clopperPearsonInterval(5, 10)!.low).toBeCloseTo(0.187086, 6);
    expect(clopperPearsonInterval(5, 10)!.high).toBeCloseTo(0.812914, 6);
    expect(clopperPearsonInterval(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.308497, 6) });
    expect(clopperPearsonInterval(10, 10)!.high).toBe(1);
  });

  it("Newcombe's hybrid score interval for a difference", () => {
    // Newcombe (1998), Statistics in Medicine 17:873–890, table II, method 10:
    // 56/70 − 48/80 → 0.0524 to 0.3339; 9/10 − 3/10 → 0.1705 to 0.8090. Ours is after − before,
    // so "before" is the second proportion of the paper.
    const a = newcombeDifferenceInterval(48, 80, 56, 70)!;
    expect(a.low).toBeCloseTo(0.0524, 4);
    expect(a.high).toBeCloseTo(0.3339, 4);
    const b = newcombeDifferenceInterval(3, 10, 9, 10)!;
    expect(b.low).toBeCloseTo(0.1705, 4);
    expect(b.high).toBeCloseTo(0.809, 4);
    // 0/10 − 0/10: ± the Wilson upper limit of 0 of 10.
    const c = newcombeDifferenceInterval(0, 10, 0, 10)!;
    expect(c.low).toBeCloseTo(-0.277533, 6);
    expect(c.high).toBeCloseTo(0.277533, 6);
    expect(newcombeDifferenceInterval(1, 0, 1, 4)).toBeNull();
  });
});

describe("Poisson rate ratio, exact conditional", () => {
  it("3 before, 1 after over equal exposure: 0.0063–4.15 (research §5's wording, checked)", () => {
    // k = 4, k2 = 1: Clopper–Pearson for 1/4 is 0.0063095–0.8058796 → θ = p/(1 − p):
    // 0.0063095/0.9936905 = 0.0063496 and 0.8058796/0.1941204 = 4.1514.
    // R: rateratio.test(c(1, 3), c(1, 1)) gives the same limits.
    const r = poissonRateRatioInterval(3, 1, 1, 1)!;
    expect(r.low).toBeCloseTo(0.0063495, 6);
    expect(r.high).toBeCloseTo(4.151441, 5);
  });

  it("scales by the exposures", () => {
    // 12 incidents over 40 deployments, then 3 over 38: limits of binomtest(3, 15, exact) mapped
    // with n1/n2 = 40/38 (SciPy): 0.047656–0.975135.
    const r = poissonRateRatioInterval(12, 40, 3, 38)!;
    expect(r.low).toBeCloseTo(0.047656, 5);
    expect(r.high).toBeCloseTo(0.975135, 5);
  });

  it("is unbounded above when nothing happened before, and absent without events or exposure", () => {
    const r = poissonRateRatioInterval(0, 10, 4, 10)!;
    expect(r.low).toBeCloseTo(0.660124, 5);
    expect(r.high).toBeNull();
    expect(poissonRateRatioInterval(0, 10, 0, 10)).toBeNull();
    expect(poissonRateRatioInterval(3, 0, 1, 10)).toBeNull();
  });
});

describe("median intervals from order statistics", () => {
  it("uses x(2) and x(9) of ten values at 97.47%", () => {
    // P(B ≤ 1) = 11/1024 = 0.0107 ≤ 0.0127 < P(B ≤ 2) = 56/1024 for B ~ Binomial(10, ½).
    const ten = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(medianIntervalSorted(ten, Math.sqrt(0.95))).toEqual({ low: 2, high: 9 });
    // Five values cannot bound a median at that level: P(B ≤ 0) = 1/32 > 0.0127.
    expect(medianIntervalSorted(Float64Array.from([1, 2, 3, 4, 5]), Math.sqrt(0.95))).toBeNull();
  });

  it("bounds a ratio of medians", () => {
    const before = Float64Array.from([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    const after = Float64Array.from([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    // Before [200, 900], after [20, 90] → [20/900, 90/200].
    const r = medianRatioInterval(before, after)!;
    expect(r.low).toBeCloseTo(20 / 900, 10);
    expect(r.high).toBeCloseTo(0.45, 10);
  });
});
