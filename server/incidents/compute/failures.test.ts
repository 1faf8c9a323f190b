import { describe, expect, it } from "vitest";
import { deployment, incident, productionIn } from "~/server/test/incident-events";
import { findFailedDeployments, productionPredicate } from "./failures";

const options = { failureWindowHours: 24, isProduction: productionIn(["111111111111"]) };
const summary = (failed: ReturnType<typeof findFailedDeployments>) =>
  [...failed.values()].map((f) => [f.deployment.id, f.reason, f.incident?.id ?? null]);

describe("findFailedDeployments", () => {
  it("blames only the latest of two deployments before an incident", () => {
    const d1 = deployment("2026-03-01T08:00:00Z");
    const d2 = deployment("2026-03-01T10:00:00Z");
    const i = incident("2026-03-01T12:00:00Z", "2026-03-01T13:00:00Z");
    expect(summary(findFailedDeployments([d1, d2], [i], options))).toEqual([[d2.id, "incident", i.id]]);
  });

  it("counts a rolled-back deployment followed by an incident once, linked to that incident", () => {
    const d = deployment("2026-03-01T10:00:00Z", { status: "rolled_back" });
    const i1 = incident("2026-03-01T10:30:00Z", "2026-03-01T11:00:00Z");
    const i2 = incident("2026-03-01T10:05:00Z", "2026-03-01T10:20:00Z");
    // Two incidents, one deployment: counted once, linked to the earlier-started incident (i2).
    expect(summary(findFailedDeployments([d], [i1, i2], options))).toEqual([[d.id, "rolled_back", i2.id]]);
  });

  it("counts failed and rolled-back deployments without any incident", () => {
    const a = deployment("2026-03-01T10:00:00Z", { status: "failed" });
    const b = deployment("2026-03-02T10:00:00Z", { status: "rolled_back" });
    const c = deployment("2026-03-03T10:00:00Z");
    expect(summary(findFailedDeployments([a, b, c], [], options))).toEqual([
      [a.id, "failed", null],
      [b.id, "rolled_back", null],
    ]);
  });

  it("keeps to the failure window, inclusive", () => {
    const d = deployment("2026-03-01T10:00:00Z");
    const atEdge = incident("2026-03-02T10:00:00Z", null);
    const late = incident("2026-03-02T10:00:01Z", null);
    expect(summary(findFailedDeployments([d], [late], options))).toEqual([]);
    expect(summary(findFailedDeployments([d], [atEdge], options))).toEqual([[d.id, "incident", atEdge.id]]);
    expect(summary(findFailedDeployments([d], [late], { ...options, failureWindowHours: 48 }))).toEqual([
      [d.id, "incident", late.id],
    ]);
  });

  it("matches service, and account and environment only when both sides know them", () => {
    const other = deployment("2026-03-01T10:00:00Z", { service: "search" });
    const otherAccount = deployment("2026-03-01T11:00:00Z", { accountId: "222222222222" });
    const noAccount = deployment("2026-03-01T09:00:00Z", { accountId: null });
    const i = incident("2026-03-01T12:00:00Z", null);
    // 222222222222 is prod by environment; the incident's account differs, so the deployment of
    // unknown account (09:00) is the latest one it may blame.
    expect(summary(findFailedDeployments([other, otherAccount, noAccount], [i], options))).toEqual([
      [noAccount.id, "incident", i.id],
    ]);
    const noService = incident("2026-03-01T12:00:00Z", null, { service: null });
    expect(summary(findFailedDeployments([other, otherAccount, noAccount], [noService], options))).toEqual([]);
    // An incident of unknown account and environment blames the latest of its service anywhere.
    const vague = incident("2026-03-01T12:00:00Z", null, { accountId: null, environment: "prod" });
    expect(summary(findFailedDeployments([otherAccount, noAccount], [vague], options))).toEqual([
      [otherAccount.id, "incident", vague.id],
    ]);
  });

  it("leaves staging out on both sides, and takes a null environment as production on a prod account", () => {
    const prod = deployment("2026-03-01T08:00:00Z");
    const staging = deployment("2026-03-01T10:00:00Z", { environment: "staging" });
    const stagingIncident = incident("2026-03-01T11:00:00Z", null, { environment: "staging" });
    const prodIncident = incident("2026-03-01T11:00:00Z", null, { environment: null });
    // The staging deployment is later but not production: the prod one is blamed, once.
    expect(summary(findFailedDeployments([prod, staging], [stagingIncident, prodIncident], options))).toEqual([
      [prod.id, "incident", prodIncident.id],
    ]);
    const sandbox = incident("2026-03-01T11:00:00Z", null, { environment: null, accountId: "999999999999" });
    expect(summary(findFailedDeployments([prod], [sandbox], options))).toEqual([]);
  });

  it("does not need its deployments in order, and blames nothing before the first", () => {
    const d1 = deployment("2026-03-01T10:00:00Z");
    const d2 = deployment("2026-03-01T08:00:00Z");
    const early = incident("2026-03-01T07:00:00Z", null);
    const i = incident("2026-03-01T12:00:00Z", null);
    expect(summary(findFailedDeployments([d1, d2], [early, i], options))).toEqual([[d1.id, "incident", i.id]]);
  });

  it("blames a deployment for an incident starting the instant it finished", () => {
    const d = deployment("2026-03-01T10:00:00Z");
    const i = incident("2026-03-01T10:00:00Z", null);
    expect(summary(findFailedDeployments([d], [i], options))).toEqual([[d.id, "incident", i.id]]);
  });
});

describe("productionPredicate", () => {
  it("takes the event's environment first, else its account's", () => {
    const envs: Record<string, string> = { "111111111111": "prod", "222222222222": "staging" };
    const isProduction = productionPredicate((id) => envs[id]);
    expect(isProduction({ accountId: "222222222222", environment: "prod" })).toBe(true);
    expect(isProduction({ accountId: "111111111111", environment: "staging" })).toBe(false);
    expect(isProduction({ accountId: "111111111111", environment: null })).toBe(true);
    expect(isProduction({ accountId: "222222222222", environment: null })).toBe(false);
    expect(isProduction({ accountId: "333333333333", environment: null })).toBe(false);
    expect(isProduction({ accountId: null, environment: null })).toBe(false);
  });
});
