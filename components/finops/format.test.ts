import { describe, expect, it } from "vitest";
import { compareDecimal, formatShare, formatUsd, monthLabel, toScaled } from "./format";

describe("FinOps number display", () => {
  it("rounds dollars half away from zero on the decimal string, with thousands separators", () => {
    expect(formatUsd("1234.565")).toBe("$1,234.57");
    expect(formatUsd("1234.564")).toBe("$1,234.56");
    expect(formatUsd("0.005")).toBe("$0.01");
    expect(formatUsd("1000000")).toBe("$1,000,000.00");
    expect(formatUsd("-2184.5", { cents: false })).toBe("−$2,185");
    expect(formatUsd("0")).toBe("$0.00");
  });

  it("says No data for null, never $0", () => {
    expect(formatUsd(null)).toBe("No data");
    expect(formatShare(null)).toBe("No data");
  });

  it("shows fractions as percentages to one place", () => {
    expect(formatShare("0.4512")).toBe("45.1%");
    expect(formatShare("0.00049")).toBe("0.0%");
    expect(formatShare("1")).toBe("100.0%");
    expect(formatShare("0.32425")).toBe("32.4%");
  });

  it("keeps digits a float would lose", () => {
    expect(toScaled("12345678901234567.89", 2)).toBe(1234567890123456789n);
    expect(formatUsd("12345678901234567.89")).toBe("$12,345,678,901,234,567.89");
  });

  it("compares decimals exactly and puts no data below every number", () => {
    expect(compareDecimal("10.10", "10.1")).toBe(0);
    expect(compareDecimal("9.99", "10")).toBe(-1);
    expect(compareDecimal("-1", "0")).toBe(-1);
    expect(compareDecimal(null, "-5")).toBe(-1);
  });

  it("names months and days in UTC words", () => {
    expect(monthLabel("2026-05")).toBe("May 2026");
    expect(monthLabel("2026-05", { short: true })).toBe("May ’26");
    expect(monthLabel("2026-12-02")).toBe("2 Dec 2026");
  });
});
