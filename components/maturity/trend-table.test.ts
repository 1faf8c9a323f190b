import { describe, expect, it } from "vitest";
import { trendTable } from "./trend-table";

describe("the trend's text alternative", () => {
  it("has a row per plotted day with its evaluation count, UTC time, stage and every practice's level", () => {
    const table = trendTable(
      {
        from: new Date("2025-05-15T00:00:00Z"),
        evaluations: 4,
        points: [
          {
            day: "2026-05-14",
            evaluatedAt: new Date("2026-05-14T23:30:00Z"),
            evaluations: 1,
            stage: 0,
            levels: { "multi-account": 1, "gitops-eks": null },
          },
          {
            day: "2026-05-15",
            evaluatedAt: new Date("2026-05-15T12:53:00Z"),
            evaluations: 3,
            stage: 1,
            levels: { "multi-account": 2, "gitops-eks": null },
          },
        ],
      },
      [
        { id: "multi-account", title: "Multi-account foundation" },
        { id: "gitops-eks", title: "GitOps" },
      ],
    );
    expect(table.caption).toContain("2 days, 4 evaluations");
    expect(table.columns).toEqual(["Evaluations that day", "Plotted evaluation", "Stage", "Multi-account foundation", "GitOps"]);
    expect(table.rows).toEqual([
      { key: "2026-05-14", day: "14 May 2026", cells: ["1", "23:30 UTC", "0", "1", "Does not apply"] },
      { key: "2026-05-15", day: "15 May 2026", cells: ["3", "12:53 UTC", "1", "2", "Does not apply"] },
    ]);
  });
});
