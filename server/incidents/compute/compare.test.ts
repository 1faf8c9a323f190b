import { describe, expect, it } from "vitest";
import { at, deployment, incident, productionIn } from "~/server/test/incident-events";
import type { ChangeSuggestion } from "../types";
import { compare } from "./compare";

// Canaries arrive on checkout (account 111111111111) at 1 April 2026 00:00 UTC; 30 days each side:
// before = 2 March – 1 April, after = 1 April – 1 May. Seen on 1 June. Worked out by hand.
const change: ChangeSuggestion = {
  id: "canary:checkout/prod:2026-04-01T00:00:00.000Z",
  kind: "canary",
  at: "2026-04-01T00:00:00.000Z",
  title: "Canary deployments arrive on checkout/prod",
  accountId: "111111111111",
  service: "checkout",
  reason: "",
};
const options = { windowDays: 30, isProduction: productionIn(["111111111111"]), asOf: at("2026-06-01T00:00:00Z") };
const day = (month: number, dayOfMonth: number, hour: number, minute = 0) =>
  new Date(Date.UTC(2026, month - 1, dayOfMonth, hour, minute)).toISOString();
// An event long before, so the window is not shortened.
const history = deployment("2026-01-01T00:00:00Z");

describe("compare: too few to tell", () => {
  // 10 deployments each side, 3 incidents before and 1 (still open) after.
  const deployments = [
    history,
    ...Array.from({ length: 10 }, (_, i) => deployment(day(3, 10 + i, 10))),
    ...Array.from({ length: 10 }, (_, i) => deployment(day(4, 10 + i, 10))),
  ];
  const incidents = [
    incident(day(3, 10, 12), day(3, 10, 13)), // 3600 s
    incident(day(3, 11, 12), day(3, 11, 12, 30)), // 1800 s
    incident(day(3, 25, 12), day(3, 25, 14)), // 7200 s; 6 days after the last deployment: not a failure
    incident(day(4, 10, 12), null),
  ];
  const c = compare(change, { deployments, incidents }, options);

  it("counts each side", () => {
    expect(c.windowDays).toBe(30);
    expect(c.before).toEqual({
      from: "2026-03-02T00:00:00.000Z",
      to: "2026-04-01T00:00:00.000Z",
      deployments: 10,
      incidents: 3,
      incidentsPer100Deployments: 30,
      failedDeployments: 2,
      changeFailureRate: 0.2,
      restore: { n: 3, median: 3600, p90: 6480, open: 0 },
    });
    expect(c.after).toEqual({
      from: "2026-04-01T00:00:00.000Z",
      to: "2026-05-01T00:00:00.000Z",
      deployments: 10,
      incidents: 1,
      incidentsPer100Deployments: 10,
      failedDeployments: 1,
      changeFailureRate: 0.1,
      restore: { n: 0, median: null, p90: null, open: 1 },
    });
  });

  it("gives the exact interval and says it is too few, in one sentence", () => {
    // Equal exposure, 3 then 1: the 0.0063–4.2 of research §5.
    expect(c.incidentRate.ratio).toBeCloseTo(1 / 3, 12);
    expect(c.incidentRate.low).toBeCloseTo(0.0063495, 6);
    expect(c.incidentRate.high).toBeCloseTo(4.151441, 5);
    expect(c.incidentRate.verdict).toBe("too-few");
    expect(c.summary).toBe(
      "3 incidents over 10 deployments in the 30 days before, 1 over 10 in the 30 days after " +
        "(checkout on 111111111111) — too few to tell (ratio 0.33, 95% interval for the rate ratio 0.0063–4.2).",
    );
    expect(c.changeFailureRate.ratio).toBeCloseTo(-0.1, 12);
    expect(c.changeFailureRate.verdict).toBe("no-clear-change");
    expect(c.restore).toEqual({
      ratio: null,
      low: null,
      high: null,
      method: "too few to bound (an interval needs 10 resolved incidents on each side)",
      verdict: "too-few",
    });
  });
});

describe("compare: enough data", () => {
  // Before: deployments 12–31 March at 10:00 (20); on 12–26 March two incidents each (12:00 and
  // 12:30, lasting 60 + j minutes for the j-th) → 30 incidents, 15 failed deployments.
  // After: deployments 1–20 April (20); on 1–10 April one incident at 12:00 lasting 20 + j minutes
  // → 10 incidents, 10 failed deployments.
  const deployments = [
    history,
    ...Array.from({ length: 20 }, (_, i) => deployment(day(3, 12 + i, 10))),
    ...Array.from({ length: 20 }, (_, i) => deployment(day(4, 1 + i, 10))),
  ];
  const before = Array.from({ length: 30 }, (_, j) => {
    const d = 12 + Math.floor(j / 2);
    const minute = (j % 2) * 30;
    return incident(day(3, d, 12, minute), day(3, d, 13 + Math.floor((minute + j) / 60), (minute + j) % 60));
  });
  const after = Array.from({ length: 10 }, (_, j) => incident(day(4, 1 + j, 12), day(4, 1 + j, 12, 20 + j)));
  const c = compare(change, { deployments, incidents: [...before, ...after] }, options);

  it("counts each side", () => {
    expect([c.before.deployments, c.before.incidents, c.before.failedDeployments]).toEqual([20, 30, 15]);
    expect([c.after.deployments, c.after.incidents, c.after.failedDeployments]).toEqual([20, 10, 10]);
    // Before: 60..89 min → median 74.5 min; after: 20..29 min → 24.5 min.
    expect(c.before.restore.median).toBe(4470);
    expect(c.after.restore.median).toBe(1470);
  });

  it("incident rate: a third, bounded below 1 — better", () => {
    // (10/20) ÷ (30/20) = 1/3; SciPy binomtest(10, 40) exact limits mapped by p/(1 − p): 0.145364–0.700570.
    expect(c.incidentRate.ratio).toBeCloseTo(1 / 3, 12);
    expect(c.incidentRate.low).toBeCloseTo(0.145364, 5);
    expect(c.incidentRate.high).toBeCloseTo(0.70057, 5);
    expect(c.incidentRate.verdict).toBe("better");
    expect(c.summary).toBe(
      "30 incidents over 20 deployments in the 30 days before, 10 over 20 in the 30 days after " +
        "(checkout on 111111111111) — fewer incidents per deployment after (ratio 0.33, 95% interval for the rate ratio 0.15–0.7).",
    );
  });

  it("change failure rate: 75% → 50%, interval across 0 — no clear change", () => {
    // Newcombe for 10/20 − 15/20: −0.493646 to 0.046836 (by hand from the two Wilson intervals, checked in Python).
    expect(c.changeFailureRate.ratio).toBeCloseTo(-0.25, 12);
    expect(c.changeFailureRate.low).toBeCloseTo(-0.493646, 5);
    expect(c.changeFailureRate.high).toBeCloseTo(0.046836, 5);
    expect(c.changeFailureRate.verdict).toBe("no-clear-change");
  });

  it("restore: median ratio with order-statistic bounds — better", () => {
    // Before (n = 30): x(9) = 68 min, x(22) = 81 min; after (n = 10): x(2) = 21, x(9) = 28 min.
    // Ratio 1470/4470; interval [21/81, 28/68].
    expect(c.restore.ratio).toBeCloseTo(1470 / 4470, 12);
    expect(c.restore.low).toBeCloseTo(21 / 81, 12);
    expect(c.restore.high).toBeCloseTo(28 / 68, 12);
    expect(c.restore.verdict).toBe("better");
  });
});

describe("compare: edges", () => {
  it("is too few with no deployments after, and shortens the window to the data", () => {
    const deployments = [deployment(day(3, 25, 10))];
    const incidents = Array.from({ length: 12 }, (_, i) => incident(day(3, 22, i), day(3, 22, i, 30)));
    const c = compare(change, { deployments, incidents }, options);
    // The earliest event is 22 March 00:00: 10 whole days before the change.
    expect(c.windowDays).toBe(10);
    expect(c.before.from).toBe("2026-03-22T00:00:00.000Z");
    expect(c.after.incidentsPer100Deployments).toBeNull();
    expect(c.after.changeFailureRate).toBeNull();
    expect(c.incidentRate).toMatchObject({ ratio: null, low: null, high: null, verdict: "too-few" });
    expect(c.changeFailureRate).toMatchObject({ ratio: null, low: null, high: null, verdict: "too-few" });
    expect(c.summary).toContain("— too few to tell (no interval without incidents and deployments on both sides).");
  });

  it("has nothing to compare when the change is at asOf", () => {
    const c = compare(change, { deployments: [history], incidents: [] }, { ...options, asOf: at(change.at) });
    expect(c.windowDays).toBe(0);
    expect(c.summary).toBe("No data on one side of the change yet: nothing to compare.");
  });

  it("keeps to the change's scope, or the whole workspace when it names none", () => {
    const deployments = [
      history,
      deployment(day(3, 20, 10)),
      deployment(day(3, 20, 10), { service: "search" }),
      deployment(day(3, 20, 10), { accountId: "222222222222" }),
      deployment(day(3, 20, 10), { environment: "staging" }),
    ];
    const incidents = [incident(day(3, 21, 12), null, { service: "search" })];
    const scoped = compare(change, { deployments, incidents }, options);
    expect([scoped.before.deployments, scoped.before.incidents]).toEqual([1, 0]);
    const serviceOnly = compare({ ...change, accountId: null }, { deployments, incidents }, options);
    expect(serviceOnly.before.deployments).toBe(2);
    const workspace = compare({ ...change, accountId: null, service: null }, { deployments, incidents }, options);
    expect([workspace.before.deployments, workspace.before.incidents]).toEqual([3, 1]);
    expect(workspace.summary).toContain("in the 30 days after — too few");
  });
});
