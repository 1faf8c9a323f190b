import { describe, expect, it } from "vitest";
import { changeFailureRateBand, deploymentFrequencyBand, leadTimeBand, recoveryTimeBand } from "./bands";

const label = (b: { label: string }) => b.label;

describe("2024 DORA bands", () => {
  it("deployment frequency: elite above once a day, boundaries to the better band", () => {
    expect([1.01, 1, 1 / 7, 0.14, 1 / 30, 0.03].map((x) => label(deploymentFrequencyBand(x)))).toEqual([
      "elite",
      "high",
      "high",
      "medium",
      "medium",
      "low",
    ]);
  });

  it("lead time: under a day, a week, a month", () => {
    expect([86_399, 86_400, 604_799, 604_800, 2_591_999, 2_592_000].map((s) => label(leadTimeBand(s)))).toEqual([
      "elite",
      "high",
      "high",
      "medium",
      "medium",
      "low",
    ]);
  });

  it("recovery time: under an hour elite, under a day high (medium shares it), else low", () => {
    expect([3_599, 3_600, 86_399, 86_400, 700_000].map((s) => label(recoveryTimeBand(s)))).toEqual([
      "elite",
      "high",
      "high",
      "low",
      "low",
    ]);
  });

  it("change failure rate: nearest cluster value (5, 20, 10, 40%), ties to the better band", () => {
    // Midpoints: 7.5% (elite|medium), 15% (medium|high), 30% (high|low).
    expect([0, 0.075, 0.08, 0.1, 0.149, 0.15, 0.2, 0.3, 0.31, 1].map((r) => label(changeFailureRateBand(r)))).toEqual([
      "elite",
      "elite",
      "medium",
      "medium",
      "medium",
      "high",
      "high",
      "high",
      "low",
      "low",
    ]);
    expect(changeFailureRateBand(0.12)).toEqual({ year: 2024, label: "medium", threshold: "10% (cluster value)" });
  });
});
