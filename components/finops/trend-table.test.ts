import { describe, expect, it } from "vitest";
import { finopsTrendTable } from "./trend-table";

describe("the FinOps trend's text alternative", () => {
  it("lists every plotted number per month, with estimated months and Karpenter's arrival in words", () => {
    const table = finopsTrendTable(
      [
        {
          month: "2026-04",
          estimated: false,
          byArchitecture: { graviton: "100", x86: "900.5", other: "0" },
          byPurchaseOption: { on_demand: "1000.5", spot: "0", reserved: "0", savings_plans: "0" },
          gravitonShare: "0.0999",
          spotShare: "0",
          realizedSavings: null,
        },
        {
          month: "2026-05",
          estimated: true,
          byArchitecture: { graviton: "400", x86: "600", other: "0" },
          byPurchaseOption: { on_demand: "700", spot: "300", reserved: "0", savings_plans: "0" },
          gravitonShare: "0.4",
          spotShare: "0.3",
          realizedSavings: "210.25",
        },
      ],
      "2026-05",
    );
    expect(table.caption).toContain("Apr 2026 to May 2026");
    expect(table.columns).toHaveLength(10);
    expect(table.rows[0]).toEqual({
      key: "2026-04",
      month: "Apr 2026",
      note: "",
      cells: ["$100.00", "$900.50", "$0.00", "$1,000.50", "$0.00", "$0.00", "$0.00", "10.0%", "0.0%", "No data"],
    });
    expect(table.rows[1]?.note).toBe("Estimated; Karpenter arrives");
    expect(table.rows[1]?.cells.slice(-3)).toEqual(["40.0%", "30.0%", "$210.25"]);
  });
});
