import { describe, expect, it } from "vitest";
import { overview } from "./contract-fixture";
import { chartRows, placeAnnotations, presentSeverities, trendTable } from "./trend-rows";

describe("incidents trend", () => {
  it("draws each bucket's numbers as the service gave them, restore in hours and null kept null", () => {
    const rows = chartRows(overview.buckets);
    expect(rows[0]).toMatchObject({
      start: "2026-09-01",
      total: 4,
      critical: 1,
      high: 3,
      restoreMedianHours: 1,
      restoreP90Hours: 2,
    });
    expect(rows[0]).toMatchObject({ deployments: 20, failedDeployments: 2, rolledBack: 1 });
    expect(rows[2]).toMatchObject({ total: 0, restoreMedianHours: null, restoreP90Hours: null });
  });

  it("lists only the severities that occur", () => {
    expect(presentSeverities(overview.buckets)).toEqual(["critical", "high", "low"]);
  });

  it("places each annotation in the UTC bucket it falls in, stacking those of one bucket rarer kinds first, and leaves out those past the range", () => {
    const placed = placeAnnotations(overview.buckets, overview.annotations, overview.filters.to);
    expect(placed.map((p) => [p.annotation.id, p.bucketStart, p.slot])).toEqual([
      ["d1", "2026-09-01", 0],
      ["m1", "2026-10-01", 0],
      ["e1", "2026-10-01", 1],
    ]);
    // One millisecond before a bucket's UTC start belongs to the bucket before.
    const edge = { ...overview.annotations[1]!, id: "edge", at: "2026-09-30T23:59:59.999Z" };
    expect(placeAnnotations(overview.buckets, [edge], overview.filters.to)[0]!.bucketStart).toBe("2026-09-01");
  });

  it("puts every plotted number and every event in the table", () => {
    const placed = placeAnnotations(overview.buckets, overview.annotations, overview.filters.to);
    const table = trendTable(overview.buckets, placed, "month");
    expect(table.caption).toBe(
      "Incidents, time to restore, deployments and chaos experiments per month (UTC), Sep 2026 to Nov 2026",
    );
    expect(table.columns.slice(0, 4)).toEqual(["Incidents", "Critical", "High", "Low"]);
    expect(table.rows[1]!.cells).toEqual(["2", "0", "1", "1", "30 min", "30 min", "1", "1", "25", "1", "0", "1", "1", "0"]);
    expect(table.rows[2]!.cells.slice(4, 6)).toEqual(["No data", "No data"]);
    expect(table.rows[1]!.events).toBe(
      "Maturity change: Progressive delivery 1 → 3 on checkout-prod, 2026-10-15 (level up); Chaos experiment: Stop a third of the checkout tasks, 2026-10-02 (stopped)",
    );
  });
});
