import { describe, expect, it } from "vitest";
import { readFocusTotals } from "./focus-totals";

describe("reading a FOCUS upload's stored totals", () => {
  it("reads the totals per billing period and sub-account from the upload summary", () => {
    const answer = {
      id: "u1",
      counts: {
        focusVersion: "1.2",
        format: "csv",
        rows: 42,
        replacedRows: 0,
        totals: [
          {
            provider: "AWS",
            billingAccountId: "999988887777",
            billingPeriodStart: "2026-10-01T00:00:00Z",
            billingCurrency: "USD",
            subAccountId: "111111111111",
            rows: 42,
            billedCost: "1234.56",
            effectiveCost: "1200.01",
            listCost: null,
            contractedCost: null,
          },
        ],
      },
    };
    expect(readFocusTotals(answer)).toEqual([
      {
        billingPeriod: "2026-10-01T00:00:00Z",
        provider: "AWS",
        billingAccountId: "999988887777",
        subAccountId: "111111111111",
        subAccountName: null,
        rows: 42,
        billedCost: "1234.56",
        effectiveCost: "1200.01",
      },
    ]);
  });

  it("says there are no totals rather than inventing zeros", () => {
    expect(readFocusTotals({ counts: { findings: 0 } })).toBeNull();
    expect(readFocusTotals(null)).toBeNull();
    expect(readFocusTotals({ counts: { focus: { totals: [{ billingPeriod: "2026-10" }] } } })?.[0]?.billedCost).toBeNull();
  });
});
