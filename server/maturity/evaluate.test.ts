import { describe, expect, it } from "vitest";
import { findCheck } from "./catalogue";
import { evaluateWorkspace } from "./evaluate";
import type { WaiverEvidence } from "./evidence";
import {
  account,
  daysAgo,
  evaluateCheck,
  NOW,
  nextId,
  organizationEvidence,
  PROD_ACCOUNT,
  ROOT,
  scp,
  STAGING_ACCOUNT,
} from "./test-evidence";

const regionDeny = {
  Effect: "Deny",
  NotAction: ["iam:*"],
  Resource: "*",
  Condition: { StringNotEquals: { "aws:RequestedRegion": ["eu-west-1"] } },
};

function waiver(overrides: Partial<WaiverEvidence> = {}): WaiverEvidence {
  return {
    id: nextId("waiver"),
    checkId: "prod-region-restriction-scp",
    scope: { kind: "account", accountId: PROD_ACCOUNT },
    reason: "Migrating regions until June",
    requestedBy: "dev@example.com",
    approvedBy: "admin@example.com",
    createdAt: daysAgo(3),
    expiresAt: daysAgo(-30),
    revokedAt: null,
    ...overrides,
  };
}

describe("evaluateWorkspace", () => {
  it("stale evidence: a source last synced beyond the window is no data, citing the sync", () => {
    const evidence = organizationEvidence();
    evidence.scps = [scp("ProdRegions", [regionDeny], [["ou-prod", "ORGANIZATIONAL_UNIT"]])];
    expect(evaluateCheck(evidence, "prod-region-restriction-scp").status).toBe("pass");
    const sync = evidence.sourceSyncs.find((s) => s.source === "organization" && s.accountId === PROD_ACCOUNT);
    for (const s of evidence.sourceSyncs) if (s.source === "organization") s.observedAt = daysAgo(8);
    const result = evaluateCheck(evidence, "prod-region-restriction-scp");
    expect(result.status).toBe("no_data");
    expect(result.reason).toContain("stale");
    expect(result.evidenceIds).toHaveLength(1);
    expect(sync).toBeDefined();
  });

  it("missing data is no data, never a pass: a source that never ran, or was denied", () => {
    const evidence = organizationEvidence();
    evidence.sourceSyncs = evidence.sourceSyncs.filter((s) => s.source !== "chaos");
    expect(evaluateCheck(evidence, "fis-stop-conditions").status).toBe("no_data");
    evidence.sourceSyncs.push({
      id: "denied",
      accountId: PROD_ACCOUNT,
      source: "chaos",
      status: "denied",
      observedAt: daysAgo(1),
    });
    const result = evaluateCheck(evidence, "fis-stop-conditions");
    expect(result).toMatchObject({ status: "no_data", evidenceIds: ["denied"] });
    expect(result.reason).toContain("denied");
  });

  it("inheritance: an SCP on the prod OU credits an account two levels below, and not staging", () => {
    const evidence = organizationEvidence();
    evidence.orgUnits.push({
      id: "ou-x",
      ouId: "ou-team",
      name: "Team",
      parentId: "ou-payments",
      path: "/Workloads/Prod/Payments/Team",
      observedAt: daysAgo(1),
    });
    evidence.accounts.push(account({ accountId: "666666666666", ouPath: "/Workloads/Prod/Payments/Team", parentId: "ou-team" }));
    const policy = scp("ProdRegions", [regionDeny], [["ou-prod", "ORGANIZATIONAL_UNIT"]]);
    evidence.scps = [policy, scp("Root", [{ Effect: "Allow", Action: "*", Resource: "*" }], [[ROOT, "ROOT"]])];
    const evaluation = evaluateWorkspace(evidence, { now: NOW, checks: [findCheck("prod-region-restriction-scp")!] });
    expect(evaluation.results.map((r) => [r.accountId, r.status, r.evidenceIds])).toEqual([
      [PROD_ACCOUNT, "pass", [policy.id]],
      ["666666666666", "pass", [policy.id]],
    ]);
  });

  it("a waived check counts as passing and carries the waiver; pending, revoked and expired ones do not", () => {
    const evidence = organizationEvidence();
    const granted = waiver();
    evidence.waivers = [granted];
    const result = evaluateCheck(evidence, "prod-region-restriction-scp");
    expect(result).toMatchObject({
      status: "fail",
      countsAsPass: true,
      waiver: { id: granted.id, approvedBy: "admin@example.com" },
    });
    for (const lapsed of [waiver({ approvedBy: null }), waiver({ revokedAt: daysAgo(1) }), waiver({ expiresAt: daysAgo(1) })]) {
      evidence.waivers = [lapsed];
      const unwaived = evaluateCheck(evidence, "prod-region-restriction-scp");
      expect(unwaived.countsAsPass).toBe(false);
      expect(unwaived.waiver).toBeUndefined();
    }
  });

  it("scope: production by default; filters replace the default and narrow each other", () => {
    const evidence = organizationEvidence();
    const ids = (scope?: Parameters<typeof evaluateWorkspace>[1]["scope"]) =>
      evaluateWorkspace(evidence, { now: NOW, scope }).accounts.map((a) => a.accountId);
    expect(ids()).toEqual([PROD_ACCOUNT]);
    expect(ids({ environments: ["staging"] })).toEqual([STAGING_ACCOUNT]);
    expect(ids({ ouPaths: ["/Workloads"] })).toEqual([PROD_ACCOUNT, STAGING_ACCOUNT]);
    expect(ids({ ouPaths: ["/Workloads"], environments: ["prod"] })).toEqual([PROD_ACCOUNT]);
  });

  it("a rule that throws is an error result, not a crash", () => {
    const evidence = organizationEvidence();
    evidence.scps = [{ ...scp("Broken", [], [["ou-prod", "ORGANIZATIONAL_UNIT"]]), targets: null as never }];
    expect(evaluateCheck(evidence, "trail-tamper-scp").status).toBe("error");
  });

  it("an empty workspace evaluates to stage 0 with nothing passing", () => {
    const evaluation = evaluateWorkspace(
      { ...organizationEvidence(), accounts: [account({ ouPath: null, parentId: null })], sourceSyncs: [] },
      { now: NOW },
    );
    expect(evaluation.stage).toBe(0);
    expect(evaluation.results.filter((r) => r.status === "pass")).toEqual([]);
    expect(evaluation.practiceLevels.every((p) => p.level === 0 || p.level === null)).toBe(true);
  });
});
