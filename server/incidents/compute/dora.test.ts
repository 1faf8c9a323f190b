import { describe, expect, it } from "vitest";
import { at, deployment, incident, productionIn } from "~/server/test/incident-events";
import { doraRow, doraTable } from "./dora";

// March 2026 (30 days, UTC), seen on 15 April. Every figure below is worked out by hand.
const options = {
  from: at("2026-03-01T00:00:00Z"),
  to: at("2026-03-31T00:00:00Z"),
  failureWindowHours: 24,
  asOf: at("2026-04-15T00:00:00Z"),
  isProduction: productionIn(["111111111111"]),
};

const d = (day: string, committed: string | null, over = {}) =>
  deployment(`2026-03-${day}T10:00:00Z`, { committedAt: committed === null ? null : at(committed), ...over });

// Lead times in seconds beside each; "—" = no commit time.
const deployments = [
  deployment("2026-02-27T10:00:00Z"), // before the window
  d("01", "2026-03-01T08:00:00Z"), // 7200; blamed for i1
  d("03", "2026-03-02T10:00:00Z"), // 86400; blamed for i2
  d("05", null), // —
  d("07", "2026-03-07T09:00:00Z"), // 3600
  d("09", "2026-03-09T09:30:00Z", { status: "rolled_back" }), // 1800; also blamed for i3 and i4: once
  d("11", "2026-03-11T11:00:00Z"), // commit after finish: dropped
  d("13", null), // —
  d("15", "2026-03-15T06:00:00Z"), // 14400; i6 comes 26 h later: not blamed
  d("17", null, { status: "failed" }), // —; failed without an incident
  d("19", "2026-03-18T10:00:00Z"), // 86400
  d("21", "2026-03-21T09:00:00Z"), // 3600
  d("23", "2026-03-21T10:00:00Z"), // 172800; blamed for i5, still open
  deployment("2026-03-31T10:00:00Z"), // after the window
];
const incidents = [
  incident("2026-02-27T12:00:00Z", "2026-02-27T13:00:00Z"), // blames the February deployment
  incident("2026-03-01T12:00:00Z", "2026-03-01T13:00:00Z"), // i1: recovery 10:00 → 13:00 = 10800
  incident("2026-03-04T09:00:00Z", "2026-03-04T10:00:00Z"), // i2: 23 h after; recovery 86400
  incident("2026-03-09T10:10:00Z", "2026-03-09T10:40:00Z"), // i3: recovery 2400 (the earliest)
  incident("2026-03-09T11:00:00Z", "2026-03-09T12:00:00Z"), // i4: same deployment
  incident("2026-03-23T12:00:00Z", null), // i5: open
  incident("2026-03-16T12:00:00Z", "2026-03-16T13:00:00Z"), // i6
  incident("2026-03-13T11:00:00Z", "2026-03-13T12:00:00Z", { environment: "staging" }), // i7
];

describe("doraRow", () => {
  const row = doraRow("service", "checkout", "checkout", { deployments, incidents }, options);

  it("deployment frequency: 12 production deployments over 30 days", () => {
    const f = row.deploymentFrequency;
    expect(f.value).toBeCloseTo(0.4, 12);
    expect(f.n).toBe(12);
    // 0.4 a day lies between once a week (0.143) and once a day: high.
    expect(f.band).toEqual({ year: 2024, label: "high", threshold: "between once per day and once per week" });
    expect(f.note).toBeNull();
    expect(f.inputs).toContainEqual({ label: "Per week", value: "2.8" });
    expect(f.inputs).toContainEqual({ label: "Window", value: "2026-03-01 to 2026-03-31 UTC (30 days)" });
  });

  it("lead time: median and p90 of the 8 known, none invented for the rest", () => {
    // Sorted: 1800, 3600, 3600, 7200, 14400, 86400, 86400, 172800.
    // Median h = 3.5 → (7200 + 14400)/2 = 10800; p90 h = 6.3 → 86400 + 0.3·86400 = 112320.
    const f = row.leadTime;
    expect([f.value, f.n, f.band]).toEqual([10800, 8, null]);
    expect(f.p90).toBeCloseTo(112320, 6);
    expect(f.note).toBe(
      "3 of 12 deployments have no commit time. 1 with a commit time at or after the finish dropped. " +
        "Too few deployments with commit times for a band (8; a band needs 10).",
    );
  });

  it("change failure rate: 5 of 12, each deployment once, with the Wilson interval", () => {
    // Failed: 1 Mar and 3 Mar (incidents), 9 Mar (rolled back, and followed by two incidents),
    // 17 Mar (failed), 23 Mar (incident).
    const f = row.changeFailureRate;
    expect(f.value).toBeCloseTo(5 / 12, 12);
    expect(f.n).toBe(12);
    // SciPy binomtest(5, 12).proportion_ci("wilson"): 0.193260–0.680489.
    expect(f.interval!.low).toBeCloseTo(0.19326, 5);
    expect(f.interval!.high).toBeCloseTo(0.680489, 5);
    // 41.7% is nearest the low cluster's 40%.
    expect(f.band?.label).toBe("low");
    expect(f.inputs.slice(0, 5)).toEqual([
      { label: "Rate", value: "5 of 12 (41.7%)" },
      { label: "Failed deployments", value: "5" },
      { label: "Rolled back", value: "1" },
      { label: "Reported failed", value: "1" },
      { label: "Followed by an incident", value: "3" },
    ]);
  });

  it("recovery time: deployment finish to incident resolved, open ones apart", () => {
    // 2400, 10800, 86400 → median 10800; p90 h = 1.8 → 10800 + 0.8·75600 = 71280.
    const f = row.recoveryTime;
    expect([f.value, f.p90, f.n, f.band]).toEqual([10800, 71280, 3, null]);
    expect(f.note).toBe(
      "1 still open. 1 failed deployments without an incident are not timed. " +
        "Too few recovered incidents for a band (3; a band needs 5).",
    );
  });

  it("says no data for an empty window, never zero", () => {
    const empty = doraRow("account", "222222222222", "222222222222", { deployments: [], incidents }, options);
    expect(empty.deploymentFrequency).toMatchObject({ value: null, n: 0, band: null });
    expect(empty.deploymentFrequency.note).toBe("No production deployments in the window.");
    expect(empty.leadTime).toMatchObject({ value: null, p90: null, n: 0, band: null });
    expect(empty.leadTime.note).toBe("No data: no production deployment in the window has a commit time.");
    expect(empty.changeFailureRate).toMatchObject({ value: null, n: 0, band: null, interval: null });
    expect(empty.recoveryTime).toMatchObject({ value: null, p90: null, n: 0, band: null });
  });

  it("says no data for lead time when no deployment has a commit time", () => {
    const r = doraRow("service", "s", "s", { deployments: [d("02", null), d("04", null)], incidents: [] }, options);
    expect(r.leadTime.value).toBeNull();
    expect(r.leadTime.note).toBe(
      "No data: no production deployment in the window has a commit time. 2 of 2 deployments have no commit time.",
    );
    expect(r.changeFailureRate.value).toBe(0);
  });

  it("bands a busy service", () => {
    // 20 deployments in 10 days (2 a day, elite), commits 2 h before (elite), one followed by an
    // incident resolved 30 min later (5%: elite), and 5 recoveries needed for a band: 4 more.
    const ten = { ...options, to: at("2026-03-11T00:00:00Z") };
    const busy = Array.from({ length: 20 }, (_, i) => {
      const finished = new Date(Date.UTC(2026, 2, 1 + Math.floor(i / 2), 6 + 12 * (i % 2)));
      return deployment(finished.toISOString(), { committedAt: new Date(finished.getTime() - 7_200_000) });
    });
    const one = incident("2026-03-01T06:10:00Z", "2026-03-01T06:30:00Z");
    const r = doraRow("service", "checkout", "checkout", { deployments: busy, incidents: [one] }, ten);
    expect(r.deploymentFrequency.value).toBe(2);
    expect(r.deploymentFrequency.band?.label).toBe("elite");
    expect([r.leadTime.value, r.leadTime.band?.label]).toEqual([7200, "elite"]);
    expect([r.changeFailureRate.value, r.changeFailureRate.band?.label]).toEqual([0.05, "elite"]);
    expect([r.recoveryTime.value, r.recoveryTime.band]).toEqual([1800, null]);
    // Five failures resolved 30 min after their deployments: a band (elite, under an hour).
    const more = [1, 2, 3, 4].map((day) => incident(`2026-03-0${1 + day}T06:10:00Z`, `2026-03-0${1 + day}T06:30:00Z`));
    const r5 = doraRow("service", "checkout", "checkout", { deployments: busy, incidents: [one, ...more] }, ten);
    expect([r5.recoveryTime.n, r5.recoveryTime.value, r5.recoveryTime.band?.label]).toEqual([5, 1800, "elite"]);
    expect(r5.changeFailureRate.value).toBe(0.25);
    expect(r5.changeFailureRate.band?.label).toBe("high");
  });

  it("windows in UTC whatever offset a source wrote", () => {
    const edges = [
      deployment("2026-03-01T00:30:00+01:00"), // 28 February 23:30 UTC: outside
      deployment("2026-03-01T00:00:00Z"), // inside
      deployment("2026-03-31T01:00:00+02:00"), // 30 March 23:00 UTC: inside
      deployment("2026-03-30T23:00:00-01:00"), // 31 March 00:00 UTC: outside
    ];
    const r = doraRow("service", "checkout", "checkout", { deployments: edges, incidents: [] }, options);
    expect(r.deploymentFrequency.n).toBe(2);
  });

  it("ends the window at asOf when `to` is later", () => {
    const early = { ...options, asOf: at("2026-03-11T00:00:00Z") };
    const r = doraRow("service", "checkout", "checkout", { deployments, incidents }, early);
    // Deployments on 1, 3, 5, 7, 9 March over 10 days.
    expect(r.deploymentFrequency.value).toBeCloseTo(0.5, 12);
    expect(r.deploymentFrequency.note).toBe("Too few deployments for a band (5; a band needs 10).");
  });
});

describe("doraTable", () => {
  it("groups by workspace, OU, account and service", () => {
    const events = {
      deployments: [
        d("02", null),
        d("03", null, { service: "search" }),
        d("04", null, { accountId: "222222222222" }),
        d("05", null, { accountId: "333333333333" }),
        d("06", null, { accountId: null }),
        d("07", null, { environment: "staging" }),
      ],
      incidents: [incident("2026-03-04T11:00:00Z", "2026-03-04T12:00:00Z", { accountId: "222222222222" })],
    };
    const ous: Record<string, string> = { "111111111111": "/Workloads/Prod", "222222222222": "/Workloads/Prod" };
    const table = doraTable(events, {
      ...options,
      ouOf: (id) => ous[id] ?? null,
      accountName: (id) => (id === "111111111111" ? "shop-prod" : null),
    });
    const summary = (rows: typeof table.byAccount) =>
      rows.map((r) => [r.key, r.label, r.deploymentFrequency.n, r.changeFailureRate.value]);
    expect(summary([table.workspace])).toEqual([["workspace", "Workspace", 5, 0.2]]);
    expect(summary(table.byOu)).toEqual([["/Workloads/Prod", "/Workloads/Prod", 3, 1 / 3]]);
    expect(summary(table.byAccount)).toEqual([
      ["111111111111", "shop-prod", 2, 0],
      ["222222222222", "222222222222", 1, 1],
      ["333333333333", "333333333333", 1, 0],
    ]);
    expect(summary(table.byService)).toEqual([
      ["checkout", "checkout", 4, 0.25],
      ["search", "search", 1, 0],
    ]);
    expect(table.failureWindowHours).toBe(24);
    expect(table.bands).toEqual({ year: 2024, source: expect.stringContaining("State of DevOps Report 2024") });
  });
});
