import { describe, expect, it } from "vitest";
import { checks } from "../catalogue";
import { evaluateWorkspace } from "../evaluate";
import type { ComputeSpendEvidence, MaturityEvidence } from "../evidence";
import { account, daysAgo, NOW, nextId, organizationEvidence, PROD_ACCOUNT, SYNC_SOURCES, withoutSync } from "../test-evidence";
import { lastFullMonth } from "./finops";
import { WORKLOAD_PRACTICES } from "./workloads";

// An audit-like account beside the golden organisation's prod and staging: every source synced,
// no rows of its own unless a test adds them.
const AUDIT = "333333333333";
const MONTH = lastFullMonth(NOW);
const workloadChecks = checks.filter((c) => WORKLOAD_PRACTICES.has(c.practice) && c.mode === "automated");

const spend = (computeCost: number, overrides: Partial<ComputeSpendEvidence> = {}): ComputeSpendEvidence => ({
  id: `compute-month:payer:${AUDIT}:${MONTH}`,
  accountId: AUDIT,
  month: MONTH,
  computeCost,
  observedAt: daysAgo(1),
  ...overrides,
});

function withAuditAccount(computeCost: number | null = 0): MaturityEvidence {
  const evidence = organizationEvidence();
  evidence.accounts.push(
    account({ accountId: AUDIT, name: "audit", environment: null, ouPath: "/Security", parentId: "ou-security" }),
  );
  for (const source of SYNC_SOURCES) {
    evidence.sourceSyncs.push({ id: nextId("sync"), accountId: AUDIT, source, status: "succeeded", observedAt: daysAgo(1) });
  }
  if (computeCost !== null) evidence.computeSpends = [spend(computeCost)];
  return evidence;
}

const evaluate = (evidence: MaturityEvidence, accountIds = [AUDIT]) =>
  evaluateWorkspace(evidence, { now: NOW, scope: { accountIds } });
const levelOf = (evidence: MaturityEvidence, practiceId: string) =>
  evaluate(evidence).accountLevels.find((l) => l.accountId === AUDIT && l.practiceId === practiceId)?.level;
const workloadLevels = (evidence: MaturityEvidence) =>
  [...WORKLOAD_PRACTICES].map((practiceId) => [practiceId, levelOf(evidence, practiceId)]);

describe("accounts that run no workloads", () => {
  it("make every automated check of opentelemetry, progressive-delivery and chaos-engineering not applicable", () => {
    const evidence = withAuditAccount(0.42);
    const results = evaluate(evidence).results.filter((r) => WORKLOAD_PRACTICES.has(r.practiceId) && r.accountId === AUDIT);
    const automated = results.filter((r) => workloadChecks.some((c) => c.id === r.checkId));
    expect(automated.map((r) => r.checkId).sort()).toEqual(workloadChecks.map((c) => c.id).sort());
    for (const r of automated) {
      expect(r.status, r.checkId).toBe("not_applicable");
      expect(r.evidenceIds, r.checkId).toEqual([`compute-month:payer:${AUDIT}:${MONTH}`]);
      expect(r.reason).toMatch(/No compute spend in .*\$0\.42.*no container images and no EKS clusters/);
    }
    // The organisation-wide manual checks are left to attestations, as everywhere.
    expect(results.filter((r) => r.checkId === "otel-sdk-standard").map((r) => r.status)).toEqual(["no_data"]);
  });

  it("have no level in those practices, and do not pull the organisation's minimum down", () => {
    const evidence = withAuditAccount(0);
    expect(workloadLevels(evidence)).toEqual([...WORKLOAD_PRACTICES].map((p) => [p, null]));
    expect(levelOf(evidence, "multi-account")).not.toBeNull();
    evidence.samplingRules = [PROD_ACCOUNT, AUDIT].map((accountId) => ({
      id: nextId("rule"),
      accountId,
      region: "us-east-1",
      ruleName: "Default",
      priority: 10000,
      fixedRate: 0.05,
      reservoirSize: 1,
      serviceName: "*",
      observedAt: daysAgo(1),
    }));
    const otel = evaluate(evidence, [PROD_ACCOUNT, AUDIT]).practiceLevels.find((p) => p.practiceId === "opentelemetry");
    expect(otel?.accountsCounted).toBe(1);
    expect(otel?.weakestAccountIds).toEqual([PROD_ACCOUNT]);
  });

  it("need not have synced the practices' own sources: fis denied still does not apply", () => {
    const evidence = withoutSync(withAuditAccount(0), "chaos");
    evidence.sourceSyncs.push({ id: "sync-fis", accountId: AUDIT, source: "chaos", status: "denied", observedAt: daysAgo(1) });
    expect(levelOf(evidence, "chaos-engineering")).toBeNull();
  });

  it("tracing-enabled, codedeploy-in-use and fis-templates-exist are not applicable without workloads", () => {
    const results = evaluate(withAuditAccount(0)).results;
    for (const id of ["tracing-enabled", "codedeploy-in-use", "fis-templates-exist"]) {
      expect(results.find((r) => r.checkId === id && r.accountId === AUDIT)?.status, id).toBe("not_applicable");
    }
  });
});

describe("accounts that stay applicable", () => {
  const applicable = (evidence: MaturityEvidence) => {
    for (const [practiceId, level] of workloadLevels(evidence)) expect(level, String(practiceId)).toBe(0);
  };

  it("with Lambda spend only: a month of functions is a workload", () => {
    applicable(withAuditAccount(58.3));
  });

  it("at exactly the threshold", () => {
    applicable(withAuditAccount(1));
  });

  it("without a cost sync, or with one denied or failed", () => {
    applicable(withoutSync(withAuditAccount(0), "cost"));
    for (const status of ["denied", "failed"] as const) {
      const evidence = withoutSync(withAuditAccount(0), "cost");
      evidence.sourceSyncs.push({ id: nextId("sync"), accountId: AUDIT, source: "cost", status, observedAt: daysAgo(1) });
      applicable(evidence);
    }
  });

  it("with stale cost evidence: an old sync, or last month's figure last seen long ago", () => {
    const oldSync = withoutSync(withAuditAccount(0), "cost");
    oldSync.sourceSyncs.push({
      id: nextId("sync"),
      accountId: AUDIT,
      source: "cost",
      status: "succeeded",
      observedAt: daysAgo(20),
    });
    applicable(oldSync);
    const oldFigure = withAuditAccount(null);
    oldFigure.computeSpends = [spend(0, { observedAt: daysAgo(20) })];
    applicable(oldFigure);
  });

  it("when the cost source reported nothing for the account, or only an older month", () => {
    applicable(withAuditAccount(null));
    const older = withAuditAccount(null);
    older.computeSpends = [spend(0, { month: "2025-01" })];
    applicable(older);
  });

  it("with a container image, even one last seen long ago, or an EKS cluster", () => {
    const image = withAuditAccount(0);
    image.ecrImages = [
      {
        id: nextId("img"),
        accountId: AUDIT,
        region: "us-east-1",
        repositoryName: "tools/scanner",
        digest: "sha256:abc",
        tags: ["latest"],
        pushedAt: daysAgo(200),
        lastPulledAt: null,
        scanStatus: null,
        observedAt: daysAgo(40),
      },
    ];
    applicable(image);
    const cluster = withAuditAccount(0);
    cluster.eksClusters = [
      { id: nextId("eks"), accountId: AUDIT, region: "us-east-1", name: "tools", tags: {}, observedAt: daysAgo(1) },
    ];
    expect(levelOf(cluster, "opentelemetry")).toBe(0);
    expect(levelOf(cluster, "chaos-engineering")).toBe(0);
  });

  it("when the images or clusters were never fetched: their absence proves nothing", () => {
    applicable(withoutSync(withAuditAccount(0), "scans"));
    const noTracing = withoutSync(withAuditAccount(0), "tracing");
    expect(levelOf(noTracing, "chaos-engineering")).toBe(0);
    expect(levelOf(noTracing, "progressive-delivery")).toBe(0);
  });
});
