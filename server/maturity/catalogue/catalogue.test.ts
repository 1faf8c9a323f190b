import { describe, expect, it } from "vitest";
import { rules } from "../rules";
import { checks, checksOf, findCheck, practices } from ".";

describe("the catalogue", () => {
  it("has the ten practices of the seed, staged as DESIGN.md's table says", () => {
    expect(practices.map((p) => [p.id, p.stage])).toEqual([
      ["multi-account", 1],
      ["policy-as-code", 1],
      ["opentelemetry", 2],
      ["progressive-delivery", 2],
      ["gitops-eks", 3],
      ["finops-automation", 4],
      ["supply-chain", 4],
      ["platform-engineering", 5],
      ["chaos-engineering", 5],
      ["ai-assisted-devops", 5],
    ]);
    expect(new Set(practices.map((p) => p.number)).size).toBe(10);
  });

  it("gives every practice levels 0 to 4 and at least one check at each of levels 1 to 4", () => {
    for (const practice of practices) {
      expect(practice.levels.map((l) => l.level)).toEqual([0, 1, 2, 3, 4]);
      for (const level of [1, 2, 3, 4]) {
        expect(checksOf(practice.id).filter((c) => c.level === level).length, `${practice.id} L${level}`).toBeGreaterThan(0);
      }
      expect(checksOf(practice.id).length, practice.id).toBeGreaterThanOrEqual(4);
      expect(checksOf(practice.id).length, practice.id).toBeLessThanOrEqual(9);
    }
  });

  it("uses unique kebab-case ids and fills every field", () => {
    expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
    for (const check of checks) {
      expect(check.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(check.title.length, check.id).toBeGreaterThan(10);
      expect(check.why.length, check.id).toBeGreaterThan(30);
      expect(check.fix.length, check.id).toBeGreaterThan(30);
      expect(check.maxEvidenceAgeDays, check.id).toBeGreaterThan(0);
      expect(check.mode === "manual", check.id).toBe(check.source === "attestation");
    }
  });

  it("has a rule for every automated check and none for manual ones", () => {
    for (const check of checks) expect(check.id in rules, check.id).toBe(check.mode === "automated");
    for (const id of Object.keys(rules)) expect(findCheck(id), id).toBeDefined();
  });

  it("makes the practices AWS cannot show manual, and the others mostly automated", () => {
    for (const id of ["platform-engineering"] as const) expect(checksOf(id).every((c) => c.mode === "manual")).toBe(true);
    for (const id of ["gitops-eks", "opentelemetry", "ai-assisted-devops"] as const) {
      expect(
        checksOf(id).some((c) => c.mode === "manual"),
        id,
      ).toBe(true);
    }
    for (const id of ["multi-account", "progressive-delivery", "finops-automation", "chaos-engineering"] as const) {
      expect(checksOf(id).filter((c) => c.mode === "automated").length, id).toBeGreaterThanOrEqual(4);
    }
  });

  it("contains every anti-pattern DESIGN.md expects, marked as one", () => {
    const expected = [
      "org-trail-enabled", // organization CloudTrail not enabled
      "scp-break-glass-exempt", // SCP denying a break-glass path
      "prod-region-restriction-scp", // region-restriction SCP missing on the prod OU
      "checkov-soft-fail-main", // Checkov soft-fail on main
      "checkov-scan-time", // Checkov > 5 min per PR
      "prod-sampling-not-100", // X-Ray / OTel sampling at 100% in production
      "canary-auto-rollback", // canaries without automatic rollback on alarms
      "karpenter-with-idle-ri", // Karpenter adopted while RIs sit unused
      "critical-cves-in-use", // ECR scanning on but critical CVEs open on images in use
      "fis-stop-conditions", // chaos experiments without stop conditions
      "chaos-findings-closed", // chaos findings never closed
    ];
    for (const id of expected) expect(findCheck(id)?.antiPattern, id).toBe(true);
  });

  it("does not copy the seed's sentences", async () => {
    const { readFile } = await import("node:fs/promises");
    // shared/ sits beside the repository, here and in CI; a missing seed fails the test.
    const seed = await readFile(new URL("../../../../shared/seed/aws-devops-practices-2026.md", import.meta.url), "utf8");
    expect(seed.length).toBeGreaterThan(1000);
    const sentences = seed.split(/(?<=[.!?])\s+/).filter((s) => s.length > 40);
    for (const check of checks) {
      for (const sentence of sentences) expect(check.why.includes(sentence.trim()), check.id).toBe(false);
    }
  });
});
