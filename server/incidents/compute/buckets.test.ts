import { describe, expect, it } from "vitest";
import { at, deployment, experiment, incident } from "~/server/test/incident-events";
import { bucketLabel, bucketStarts, trendBuckets, weekStart } from "./buckets";

// 2026-03-01 is a Sunday; 2026-03-02 a Monday.
const asOf = at("2026-06-01T00:00:00Z");

describe("UTC buckets", () => {
  it("starts weeks on Monday 00:00 UTC and labels them", () => {
    expect(weekStart(at("2026-03-01T23:59:59Z")).toISOString()).toBe("2026-02-23T00:00:00.000Z");
    expect(weekStart(at("2026-03-02T00:00:00Z")).toISOString()).toBe("2026-03-02T00:00:00.000Z");
    // New Year's Day 2026 is a Thursday: its ISO week starts Monday 29 December 2025.
    expect(weekStart(at("2026-01-01T12:00:00Z")).toISOString()).toBe("2025-12-29T00:00:00.000Z");
    expect(bucketLabel(at("2026-03-02T00:00:00Z"), "week")).toBe("Week of 2 Mar 2026");
    expect(bucketLabel(at("2026-03-01T00:00:00Z"), "month")).toBe("Mar 2026");
  });

  it("lists the buckets meeting [from, to)", () => {
    const months = bucketStarts(at("2025-11-15T00:00:00Z"), at("2026-02-01T00:00:00Z"), "month");
    expect(months.map((d) => d.toISOString().slice(0, 10))).toEqual(["2025-11-01", "2025-12-01", "2026-01-01"]);
    const weeks = bucketStarts(at("2026-02-25T00:00:00Z"), at("2026-03-09T00:00:00Z"), "week");
    expect(weeks.map((d) => d.toISOString().slice(0, 10))).toEqual(["2026-02-23", "2026-03-02"]);
    expect(bucketStarts(at("2026-03-01T00:00:00Z"), at("2026-03-01T00:00:00Z"), "week")).toEqual([]);
  });
});

describe("trendBuckets", () => {
  const incidents = [
    // 00:30 at +01:00 is 23:30 UTC on 28 February: February, week of 23 Feb.
    incident("2026-03-01T00:30:00+01:00", "2026-03-01T01:30:00+01:00", { severityKey: "critical" }),
    // Sunday 23:59 UTC: still the week of 23 Feb, but March.
    incident("2026-03-01T23:59:00Z", "2026-03-02T00:09:00Z", { severityKey: "low" }),
    // Monday 00:00 UTC: the week of 2 Mar.
    incident("2026-03-02T00:00:00Z", null, { severityKey: "low" }),
    incident("2026-03-03T10:00:00Z", "2026-03-03T10:30:00Z", { severityKey: "unknown" }),
    // Before the range.
    incident("2026-01-31T23:59:59Z", "2026-02-01T01:00:00Z"),
  ];
  const deployments = [
    deployment("2026-02-28T22:00:00Z"),
    deployment("2026-03-01T23:00:00-02:00", { status: "failed" }), // 2 March 01:00 UTC
    deployment("2026-03-05T10:00:00Z", { status: "rolled_back" }),
    deployment("2026-04-01T00:00:00Z"), // at `to`: outside
  ];
  const experiments = [
    experiment("2026-02-27T10:00:00Z", { status: "stopped" }),
    experiment("2026-03-04T10:00:00Z", { status: "failed" }),
    experiment("2026-03-04T11:00:00Z", { status: "completed" }),
    experiment(null, { status: "pending" }),
  ];
  const events = { incidents, deployments, experiments };

  it("buckets by UTC month", () => {
    const [feb, mar, ...rest] = trendBuckets(events, {
      from: at("2026-02-01T00:00:00Z"),
      to: at("2026-04-01T00:00:00Z"),
      bucket: "month",
      asOf,
    });
    expect(rest).toEqual([]);
    expect(feb).toEqual({
      start: "2026-02-01",
      label: "Feb 2026",
      incidents: { total: 1, bySeverity: { critical: 1, high: 0, medium: 0, low: 0, none: 0, unknown: 0 } },
      restore: { n: 1, median: 3600, p90: 3600, open: 0 },
      deployments: { total: 1, failed: 0, rolledBack: 0 },
      experiments: { run: 1, stopped: 1, failed: 0 },
    });
    // March: 600 s and 1800 s resolved (median 1200, p90 600 + 0.9·1200 = 1680), one open.
    expect(mar).toEqual({
      start: "2026-03-01",
      label: "Mar 2026",
      incidents: { total: 3, bySeverity: { critical: 0, high: 0, medium: 0, low: 2, none: 0, unknown: 1 } },
      restore: { n: 2, median: 1200, p90: 1680, open: 1 },
      deployments: { total: 2, failed: 1, rolledBack: 1 },
      experiments: { run: 2, stopped: 0, failed: 1 },
    });
  });

  it("buckets by ISO week, Sunday 23:59 and Monday 00:00 UTC apart", () => {
    const weeks = trendBuckets(events, {
      from: at("2026-02-23T00:00:00Z"),
      to: at("2026-03-09T00:00:00Z"),
      bucket: "week",
      asOf,
    });
    expect(weeks.map((w) => [w.label, w.incidents.total, w.deployments.total, w.experiments.run])).toEqual([
      ["Week of 23 Feb 2026", 2, 1, 1],
      ["Week of 2 Mar 2026", 2, 2, 2],
    ]);
    // Week of 23 Feb: 3600 s and 600 s → median 2100, p90 600 + 0.9·3000 = 3300.
    expect(weeks[0]!.restore).toEqual({ n: 2, median: 2100, p90: 3300, open: 0 });
    expect(weeks[1]!.restore).toEqual({ n: 1, median: 1800, p90: 1800, open: 1 });
  });

  it("counts only the part of a cut bucket inside the range, and empty buckets as zero events", () => {
    const weeks = trendBuckets(events, {
      from: at("2026-03-03T00:00:00Z"),
      to: at("2026-03-16T00:00:00Z"),
      bucket: "week",
      asOf,
    });
    expect(weeks.map((w) => [w.start, w.incidents.total, w.deployments.total])).toEqual([
      ["2026-03-02", 1, 1],
      ["2026-03-09", 0, 0],
    ]);
    expect(weeks[1]!.restore).toEqual({ n: 0, median: null, p90: null, open: 0 });
  });

  it("counts an incident open at asOf even if it was resolved later", () => {
    const [mar] = trendBuckets(events, {
      from: at("2026-03-01T00:00:00Z"),
      to: at("2026-04-01T00:00:00Z"),
      bucket: "month",
      asOf: at("2026-03-02T00:05:00Z"),
    });
    // At 00:05 on 2 March no March incident is resolved yet: the 23:59 one resolves at 00:09.
    expect(mar!.restore).toEqual({ n: 0, median: null, p90: null, open: 3 });
  });
});
