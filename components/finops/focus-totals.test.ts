import { describe, expect, it } from "vitest";
import { readFocusTotals } from "./focus-totals";

describe("reading a FOCUS upload's stored totals", () => {
  it("reads the totals per billing period and sub-account from the upload summary", () => {
    const answer = {
      id: "u1",
      counts: {
        findings: 0,
        focus: {
          totals: [
            {
              billingPeriod: "2026-10-01",
              provider: "AWS",
              subAccountId: "111111111111",
              subAccountName: "payments-prod",
              rows: 42,
              billedCost: "1234.56",
              effectiveCost: "1200.01",
            },
          ],
        },
      },
    };
    expect(readFocusTotals(answer)).toEqual([
      {
        billingPeriod: "2026-10-01",
        provider: "AWS",
        subAccountId: "111111111111",
        subAccountName: "payments-prod",
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
