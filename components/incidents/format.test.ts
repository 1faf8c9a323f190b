import { describe, expect, it } from "vitest";
import {
  formatDuration,
  formatFrequency,
  formatInterval,
  formatPercent,
  formatPoints,
  formatRestore,
  formatUtc,
  NO_DATA,
} from "./format";

describe("incidents formatting", () => {
  it("says durations in the unit a person reads, and no data for null", () => {
    expect(formatDuration(null)).toBe(NO_DATA);
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(720)).toBe("12 min");
    expect(formatDuration(3600)).toBe("1 h");
    expect(formatDuration(7500)).toBe("2 h 5 min");
    expect(formatDuration(3 * 86_400 + 4 * 3600)).toBe("3 d 4 h");
  });

  it("says a deployment frequency per day, week or month", () => {
    expect(formatFrequency(null)).toBe(NO_DATA);
    expect(formatFrequency(2.5)).toBe("2.5 a day");
    expect(formatFrequency(0.5)).toBe("3.5 a week");
    expect(formatFrequency(0.05)).toBe("1.5 a month");
  });

  it("keeps 0% apart from no data", () => {
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(null)).toBe(NO_DATA);
    expect(formatPercent(0.0667)).toBe("6.7%");
  });

  it("writes intervals with their open ends in words", () => {
    expect(formatInterval({ low: 0.04, high: 1.6 }, "ratio")).toBe("0.04 to 1.60");
    expect(formatInterval({ low: null, high: 2 }, "ratio")).toBe("0 to 2.00");
    expect(formatInterval({ low: 0.5, high: null }, "ratio")).toBe("0.50 to unbounded");
    expect(formatInterval({ low: null, high: null }, "ratio")).toBe("unknown");
    expect(formatInterval({ low: -0.25, high: 0.02 }, "difference")).toBe("−25 pts to +2 pts");
    expect(formatPoints(-0.117)).toBe("−11.7 pts");
  });

  it("gives the median and p90 with n and the incidents still open", () => {
    expect(formatRestore({ n: 5, median: 3600, p90: 7200, open: 1 })).toBe("1 h median, 2 h p90 (n = 5; 1 still open)");
    expect(formatRestore({ n: 0, median: null, p90: null, open: 2 })).toBe("No data (no resolved incident; 2 still open)");
  });

  it("writes times in UTC, saying so", () => {
    expect(formatUtc("2026-03-02T23:15:00.000Z")).toBe("2 Mar 2026, 23:15 UTC");
    expect(formatUtc(null)).toBe(NO_DATA);
  });
});
