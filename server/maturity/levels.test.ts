import { describe, expect, it } from "vitest";
import { checksOf, getPractice, practices, type PracticeId } from "./catalogue";
import { accountPracticeLevel, countsAsPass, organizationStage, practiceLevel } from "./levels";
import { nextSteps } from "./next-steps";
import type { CheckResult, CheckStatus, WorkspaceEvaluation } from "./results";
import { resolveScope } from "./scope";
import { NOW } from "./test-evidence";

/** Every check of the practice passes for the account, except those named otherwise. */
function results(
  practiceId: PracticeId,
  accountId: string,
  overrides: Record<string, CheckStatus | "waived"> = {},
): CheckResult[] {
  return checksOf(practiceId).map((c) => {
    const given = overrides[c.id] ?? "pass";
    const status: CheckStatus = given === "waived" ? "fail" : given;
    return {
      checkId: c.id,
      practiceId,
      level: c.level,
      accountId,
      status,
      reason: "",
      evidenceIds: [],
      ...(given === "waived" ? { waiver: { id: "w1", reason: "r", approvedBy: "admin", expiresAt: null } } : {}),
      countsAsPass: countsAsPass(status, given === "waived"),
    };
  });
}

const level = (practiceId: PracticeId, accountId: string, overrides: Record<string, CheckStatus | "waived"> = {}) =>
  accountPracticeLevel(getPractice(practiceId), accountId, results(practiceId, accountId, overrides));

describe("levels", () => {
  it("a level needs its checks and every lower level's: one level-1 fail caps the practice at 0", () => {
    expect(level("multi-account", "a").level).toBe(4);
    expect(level("multi-account", "a", { "prod-region-restriction-scp": "fail" })).toMatchObject({
      level: 2,
      blockingCheckIds: ["prod-region-restriction-scp"],
    });
    expect(level("multi-account", "a", { "org-trail-enabled": "no_data" }).level).toBe(0);
  });

  it("warnings and not-applicable do not block; waived failures count, visibly", () => {
    expect(level("chaos-engineering", "a", { "chaos-findings-closed": "warning" }).level).toBe(4);
    const waived = level("multi-account", "a", { "account-in-ou": "waived" });
    expect(waived).toMatchObject({ level: 4, reachedWithWaivers: true });
    expect(level("multi-account", "a", { "account-in-ou": "error" }).level).toBe(1);
  });

  it("a practice whose automated checks are all not applicable has no level", () => {
    const na = Object.fromEntries(
      checksOf("gitops-eks")
        .filter((c) => c.mode === "automated")
        .map((c) => [c.id, "not_applicable" as const]),
    );
    expect(level("gitops-eks", "a", na).level).toBeNull();
  });

  it("the organisation's level in a practice is the minimum over applicable accounts", () => {
    const accounts = [
      level("multi-account", "a"),
      level("multi-account", "b", { "account-in-ou": "fail" }),
      level("multi-account", "c", { "scp-break-glass-exempt": "fail" }),
    ];
    expect(practiceLevel(getPractice("multi-account"), accounts)).toMatchObject({
      level: 1,
      accountsCounted: 3,
      distribution: { 0: 0, 1: 1, 2: 0, 3: 1, 4: 1 },
      weakestAccountIds: ["b"],
    });
  });

  it("the stage is the highest rung whose practices, and all below, are at level 2 or more", () => {
    const at = (levels: Partial<Record<PracticeId, number | null>>) =>
      practices.map((p) => ({ ...practiceLevel(p, []), level: (p.id in levels ? levels[p.id] : 4) as 0 | 1 | 2 | 3 | 4 | null }));
    expect(organizationStage(at({}), 1)).toBe(5);
    expect(organizationStage(at({ "policy-as-code": 1 }), 1)).toBe(0);
    expect(organizationStage(at({ "progressive-delivery": 1 }), 1)).toBe(1);
    expect(organizationStage(at({ "supply-chain": 2, "chaos-engineering": 1 }), 1)).toBe(4);
    expect(organizationStage(at({ "gitops-eks": null }), 1)).toBe(5);
    expect(organizationStage(at({ "finops-automation": 0, "gitops-eks": 4 }), 1)).toBe(3);
    expect(organizationStage(at({}), 0)).toBe(0);
  });
});

describe("nextSteps", () => {
  function evaluation(perAccount: Record<string, Partial<Record<PracticeId, Record<string, CheckStatus>>>>): WorkspaceEvaluation {
    const all = Object.entries(perAccount).flatMap(([accountId, byPractice]) =>
      practices.flatMap((p) => results(p.id, accountId, byPractice[p.id] ?? {})),
    );
    const accountLevels = Object.keys(perAccount).flatMap((accountId) =>
      practices.map((p) => accountPracticeLevel(p, accountId, all)),
    );
    const practiceLevels = practices.map((p) => practiceLevel(p, accountLevels));
    return {
      evaluatedAt: NOW,
      scope: resolveScope(undefined),
      accounts: [],
      results: all,
      accountLevels,
      practiceLevels,
      stage: organizationStage(practiceLevels, 2),
    };
  }

  it("ranks earliest stage first, then accounts affected, then the practice's outcome", () => {
    const steps = nextSteps(
      evaluation({
        a: {
          "chaos-engineering": { "fis-stop-conditions": "fail" },
          "finops-automation": { "spot-adoption": "fail" },
          "supply-chain": { "critical-cves-in-use": "fail" },
          opentelemetry: { "prod-sampling-not-100": "fail" },
        },
        b: {
          "finops-automation": { "spot-adoption": "fail" },
          "supply-chain": { "critical-cves-in-use": "fail" },
          "multi-account": { "scp-break-glass-exempt": "fail" },
        },
      }),
    );
    expect(steps.map((s) => [s.checkId, s.accountIds.length])).toEqual([
      ["scp-break-glass-exempt", 1],
      ["prod-sampling-not-100", 1],
      ["critical-cves-in-use", 2],
      ["spot-adoption", 2],
      ["fis-stop-conditions", 1],
    ]);
    // Same stage and reach: supply chain (exposure) outranks FinOps (cost) only by outcome.
    const tie = nextSteps(
      evaluation({ a: { "finops-automation": { "spot-adoption": "fail" }, "supply-chain": { "critical-cves-in-use": "fail" } } }),
    );
    expect(tie.map((s) => s.checkId)).toEqual(["critical-cves-in-use", "spot-adoption"]);
  });

  it("lists only the checks of each account's next level, not everything that fails", () => {
    const steps = nextSteps(evaluation({ a: { "multi-account": { "org-trail-enabled": "fail", "account-in-ou": "fail" } } }));
    expect(steps.map((s) => s.checkId)).toEqual(["org-trail-enabled"]);
  });
});
