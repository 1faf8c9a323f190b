import { describe, expect, it } from "vitest";
import { recommendationFigures } from "./cost-savings-plans";

describe("the simulator's Savings Plans recommendation", () => {
  it("commits to the least on-demand hour at the plan rate; savings, percentage and month agree", () => {
    // 30 days of on-demand EC2 spend: $240/day (10/h) on weekdays, $192/day (8/h) on weekends.
    const daily = Array.from({ length: 30 }, (_, d) => (d % 7 >= 5 ? 192 : 240));
    const f = recommendationFigures(daily, 0.72);
    expect(f.commitment).toBe(5.76); // 8 $/h of on-demand at 0.72
    expect(f.covered).toBeCloseTo(8, 10);
    expect(f.savings).toBeCloseTo(8 * 720 * 0.28, 6);
    expect(f.monthlySavings).toBeCloseTo(8 * 730 * 0.28, 6);
    expect(f.percentage).toBeCloseTo((100 * f.savings) / f.onDemand, 10);
    expect(f.spCost).toBeCloseTo(f.onDemand - f.savings, 6);
    expect(f.roi).toBeCloseTo(100 * (0.28 / 0.72), 6);
  });

  it("recommends nothing when no hour ran on-demand", () => {
    const f = recommendationFigures([0, 120, 130], 0.72);
    expect(f).toMatchObject({ commitment: 0, savings: 0, percentage: 0, monthlySavings: 0, roi: 0 });
    expect(recommendationFigures([], 0.72)).toMatchObject({ commitment: 0, onDemand: 0, percentage: 0 });
  });
});
