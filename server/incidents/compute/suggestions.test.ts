import { describe, expect, it } from "vitest";
import { at, deployment, experiment, incident, maturityChange, productionIn } from "~/server/test/incident-events";
import { changeById, suggestChanges } from "./suggestions";

const options = { isProduction: productionIn(["111111111111"]), asOf: at("2026-06-01T00:00:00Z"), windowDays: 30 };
const cd = (finishedAt: string, group: string, config: string | null, over = {}) =>
  deployment(finishedAt, { group, service: group.split("/")[0]!, deploymentConfig: config, ...over });

const events = {
  deployments: [
    cd("2025-12-01T00:00:00Z", "old/prod", "CodeDeployDefault.AllAtOnce"), // history: no window is shortened
    // checkout: canaries arrive on 10 March after two all-at-once deployments (handed over out of order).
    cd("2026-03-15T10:00:00Z", "checkout/prod", "CodeDeployDefault.LambdaCanary10Percent5Minutes"),
    cd("2026-03-01T10:00:00Z", "checkout/prod", "CodeDeployDefault.AllAtOnce"),
    cd("2026-03-10T10:00:00Z", "checkout/prod", "CodeDeployDefault.LambdaCanary10Percent5Minutes"),
    cd("2026-03-05T10:00:00Z", "checkout/prod", "CodeDeployDefault.AllAtOnce"),
    // search: canary from the first deployment on: no arrival to compare.
    cd("2026-03-02T10:00:00Z", "search/prod", "CodeDeployDefault.ECSCanary10Percent5Minutes"),
    cd("2026-03-04T10:00:00Z", "search/prod", "CodeDeployDefault.AllAtOnce"),
    // pay: linear after one at a time.
    cd("2026-03-01T10:00:00Z", "pay/prod", "CodeDeployDefault.OneAtATime"),
    cd("2026-03-03T10:00:00Z", "pay/prod", "CodeDeployDefault.LambdaLinear10PercentEvery1Minute"),
    // staging is not production.
    cd("2026-03-01T10:00:00Z", "web/staging", "CodeDeployDefault.AllAtOnce", { environment: "staging" }),
    cd("2026-03-03T10:00:00Z", "web/staging", "CodeDeployDefault.ECSCanary10Percent5Minutes", { environment: "staging" }),
  ],
  incidents: [
    ...["02-20", "02-25", "03-02", "03-08", "03-12"].map((d) => incident(`2026-${d}T12:00:00Z`, null)),
    ...["04-01", "04-02"].map((d) => incident(`2026-${d}T12:00:00Z`, null, { service: "search" })),
    incident("2026-03-09T12:00:00Z", null, { environment: "staging" }),
  ],
  experiments: [
    experiment("2026-04-20T10:00:00Z"),
    experiment("2026-04-05T10:00:00Z"),
    experiment(null, { status: "pending" }),
    experiment("2026-04-10T10:00:00Z", { accountId: "222222222222", service: null }),
  ],
  maturity: [
    maturityChange("2026-03-20T00:00:00Z", { id: "up" }),
    maturityChange("2026-03-25T00:00:00Z", { id: "down", from: 3, to: 2 }),
  ],
};

describe("suggestChanges", () => {
  const suggestions = suggestChanges(events, options);

  it("finds the three kinds and ranks them by incidents in their windows", () => {
    // Maturity on 111 (20 Mar): before 20 Feb – 12 Mar = 5, after 1–2 Apr (search) = 2 → 7.
    // Canary on checkout (10 Mar 10:00): 20 Feb, 25 Feb, 2 Mar, 8 Mar before; 12 Mar after → 5.
    // First chaos on 111 checkout (5 Apr): 8 and 12 Mar before → 2.
    // Then none: first chaos on 222 (10 Apr), linear on pay (3 Mar), the most recent first.
    expect(suggestions.map((s) => [s.id, s.reason])).toEqual([
      ["maturity:up", "5 incidents before, 2 after on account 111111111111 (30 days each side)."],
      [
        "canary:checkout/prod:2026-03-10T10:00:00.000Z",
        "4 incidents before, 1 after on checkout in 111111111111 (30 days each side).",
      ],
      ["first-chaos:111111111111:checkout", "2 incidents before, 0 after on checkout in 111111111111 (30 days each side)."],
      ["first-chaos:222222222222:*", "0 incidents before, 0 after on account 222222222222 (30 days each side)."],
      ["canary:pay/prod:2026-03-03T10:00:00.000Z", "0 incidents before, 0 after on pay in 111111111111 (30 days each side)."],
    ]);
  });

  it("describes each change", () => {
    const byId = new Map(suggestions.map((s) => [s.id, s]));
    expect(byId.get("canary:checkout/prod:2026-03-10T10:00:00.000Z")).toMatchObject({
      kind: "canary",
      at: "2026-03-10T10:00:00.000Z",
      title: "Canary deployments arrive on checkout/prod",
      accountId: "111111111111",
      service: "checkout",
    });
    expect(byId.get("canary:pay/prod:2026-03-03T10:00:00.000Z")?.title).toBe("Linear deployments arrive on pay/prod");
    expect(byId.get("maturity:up")).toMatchObject({
      kind: "maturity",
      title: "Progressive delivery reaches level 2 on 111111111111",
      service: null,
    });
    expect(byId.get("first-chaos:111111111111:checkout")).toMatchObject({
      kind: "first-chaos",
      at: "2026-04-05T10:00:00.000Z",
      title: "First chaos experiment on checkout in 111111111111",
    });
  });

  it("keeps to the limit", () => {
    expect(suggestChanges(events, { ...options, limit: 2 }).map((s) => s.id)).toEqual([
      "maturity:up",
      "canary:checkout/prod:2026-03-10T10:00:00.000Z",
    ]);
  });

  it("suggests nothing without events", () => {
    expect(suggestChanges({ deployments: [], incidents: [], experiments: [], maturity: [] }, options)).toEqual([]);
  });
});

describe("changeById", () => {
  it("resolves an id back to its change, with its reason", () => {
    const c = changeById("canary:checkout/prod:2026-03-10T10:00:00.000Z", events, options);
    expect(c).toMatchObject({
      kind: "canary",
      reason: "4 incidents before, 1 after on checkout in 111111111111 (30 days each side).",
    });
    expect(changeById("maturity:down", events, options)).toBeNull();
    expect(changeById("canary:search/prod:2026-03-02T10:00:00.000Z", events, options)).toBeNull();
  });
});
