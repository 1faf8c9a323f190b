import { describe, expect, it } from "vitest";
import type { EcrImageEvidence, MaturityEvidence } from "../evidence";
import { isoDay } from "../context";
import { daysAgo, evaluateCheck, nextId, organizationEvidence, PROD_ACCOUNT } from "../test-evidence";

const seen = { observedAt: daysAgo(1) };
const repo = (name: string, scanOnPush = true) => ({
  id: nextId("repo"),
  accountId: PROD_ACCOUNT,
  region: "us-east-1",
  name,
  scanOnPush,
  ...seen,
});
const image = (overrides: Partial<EcrImageEvidence> = {}): EcrImageEvidence => ({
  id: nextId("img"),
  accountId: PROD_ACCOUNT,
  region: "us-east-1",
  repositoryName: "payments/api",
  digest: "sha256:aaa",
  tags: ["latest"],
  pushedAt: daysAgo(60),
  lastPulledAt: daysAgo(1),
  scanStatus: "COMPLETE",
  ...seen,
  ...overrides,
});
const critical = (firstSeenDaysAgo: number, imageDigest = "sha256:aaa") => ({
  id: nextId("finding"),
  accountId: PROD_ACCOUNT,
  region: "us-east-1",
  repositoryName: "payments/api",
  imageDigest,
  name: "CVE-2024-3094",
  severity: "CRITICAL",
  firstObservedAt: daysAgo(firstSeenDaysAgo),
  ...seen,
});
const upload = (kind: "trivy" | "sbom", age: number) => ({
  id: nextId("upload"),
  kind,
  tool: kind === "sbom" ? "syft" : "Trivy",
  repository: "acme/api",
  branch: "main",
  commit: "abc",
  pipeline: "build",
  failed: 0,
  passed: 0,
  bySeverity: {},
  observedAt: daysAgo(age),
});
function withRegistry(evidence: MaturityEvidence, scanType: string) {
  evidence.ecrRegistryScanning = [
    {
      id: nextId("registry"),
      accountId: PROD_ACCOUNT,
      region: "us-east-1",
      scanType,
      rules: [{ scanFrequency: "CONTINUOUS_SCAN", repositoryFilters: [{ filter: "payments/*", filterType: "WILDCARD" }] }],
      ...seen,
    },
  ];
}

describe("supply-chain checks", () => {
  it("ecr-scan-on-push: an unscanned repository fails unless a registry rule covers it", () => {
    const evidence = organizationEvidence();
    expect(evaluateCheck(evidence, "ecr-scan-on-push").status).toBe("not_applicable");
    evidence.ecrRepositories = [repo("payments/api"), repo("payments/migrations", false)];
    expect(evaluateCheck(evidence, "ecr-scan-on-push").status).toBe("fail");
    withRegistry(evidence, "ENHANCED");
    expect(evaluateCheck(evidence, "ecr-scan-on-push").status).toBe("pass");
  });

  it("ecr-enhanced-scanning: basic scanning fails", () => {
    const evidence = organizationEvidence();
    evidence.ecrRepositories = [repo("payments/api")];
    withRegistry(evidence, "BASIC");
    expect(evaluateCheck(evidence, "ecr-enhanced-scanning").status).toBe("fail");
    withRegistry(evidence, "ENHANCED");
    expect(evaluateCheck(evidence, "ecr-enhanced-scanning").status).toBe("pass");
  });

  it("critical-cves-in-use: a critical CVE open 45 days on a pulled image fails, 10 days warns", () => {
    const evidence = organizationEvidence();
    evidence.ecrRepositories = [repo("payments/api")];
    evidence.ecrImages = [image()];
    expect(evaluateCheck(evidence, "critical-cves-in-use").status).toBe("pass");
    const old = critical(45);
    evidence.ecrFindings = [old];
    expect(evaluateCheck(evidence, "critical-cves-in-use")).toMatchObject({ status: "fail", evidenceIds: [old.id] });
    evidence.ecrFindings = [critical(10)];
    expect(evaluateCheck(evidence, "critical-cves-in-use").status).toBe("warning");
  });

  it("critical-cves-in-use: a basic-scan finding with no first-seen date is dated from its image's push", () => {
    const evidence = organizationEvidence();
    evidence.ecrRepositories = [repo("payments/api")];
    const pushed = image({ pushedAt: daysAgo(45) });
    evidence.ecrImages = [pushed, image({ repositoryName: "payments/worker", digest: "sha256:aaa", pushedAt: daysAgo(2) })];
    const undated = { ...critical(0), firstObservedAt: null };
    evidence.ecrFindings = [undated];
    const old = evaluateCheck(evidence, "critical-cves-in-use");
    expect(old).toMatchObject({ status: "fail", evidenceIds: [undated.id, pushed.id] });
    expect(old.reason).toContain(`CVE-2024-3094 (since the image push on ${isoDay(daysAgo(45))}; no first-seen date)`);

    evidence.ecrImages = [image({ pushedAt: daysAgo(10) })];
    const recent = evaluateCheck(evidence, "critical-cves-in-use");
    expect(recent.status).toBe("warning");
    expect(recent.reason).toContain(`since the image push on ${isoDay(daysAgo(10))}`);

    evidence.ecrImages = [image({ pushedAt: null })];
    const unknown = evaluateCheck(evidence, "critical-cves-in-use");
    expect(unknown.status).toBe("warning");
    expect(unknown.reason).toContain(`last synced ${isoDay(daysAgo(1))}; no first-seen or push date`);
  });

  it("critical-cves-in-use: a dated finding keeps its own date; the reason says which one", () => {
    const evidence = organizationEvidence();
    evidence.ecrRepositories = [repo("payments/api")];
    evidence.ecrImages = [image({ pushedAt: daysAgo(90) })];
    evidence.ecrFindings = [critical(10)];
    const result = evaluateCheck(evidence, "critical-cves-in-use");
    expect(result.status).toBe("warning");
    expect(result.reason).toContain(`CVE-2024-3094 (first seen ${isoDay(daysAgo(10))})`);
  });

  it("critical-cves-in-use: an old image nobody pulls does not count; unscanned images are no data", () => {
    const evidence = organizationEvidence();
    evidence.ecrRepositories = [repo("payments/api")];
    evidence.ecrImages = [
      image({ digest: "sha256:old", pushedAt: daysAgo(200), lastPulledAt: daysAgo(150) }),
      image({ pushedAt: daysAgo(5) }),
    ];
    evidence.ecrFindings = [critical(100, "sha256:old")];
    expect(evaluateCheck(evidence, "critical-cves-in-use").status).toBe("pass");
    evidence.ecrImages = [image({ scanStatus: null })];
    expect(evaluateCheck(evidence, "critical-cves-in-use").status).toBe("no_data");
  });

  it("critical-cves-in-use: Inspector findings on the image count too", () => {
    const evidence = organizationEvidence();
    evidence.ecrRepositories = [repo("payments/api")];
    evidence.ecrImages = [image({ scanStatus: "ACTIVE" })];
    evidence.inspectorFindings = [
      {
        id: nextId("insp"),
        accountId: PROD_ACCOUNT,
        severity: "CRITICAL",
        status: "ACTIVE",
        resourceType: "AWS_ECR_CONTAINER_IMAGE",
        resourceId: "arn:aws:ecr:us-east-1:111111111111:repository/payments/api/sha256:aaa",
        vulnerabilityId: "CVE-2021-44228",
        firstObservedAt: daysAgo(40),
        ...seen,
      },
    ];
    expect(evaluateCheck(evidence, "critical-cves-in-use").status).toBe("fail");
  });

  it("ci-vulnerability-scans and sbom-published: recent uploads pass, old ones are no data", () => {
    const evidence = organizationEvidence();
    expect(evaluateCheck(evidence, "ci-vulnerability-scans").status).toBe("no_data");
    evidence.uploads = [upload("trivy", 3), upload("sbom", 40)];
    expect(evaluateCheck(evidence, "ci-vulnerability-scans").status).toBe("pass");
    expect(evaluateCheck(evidence, "sbom-published").status).toBe("no_data");
    evidence.uploads.push(upload("sbom", 2));
    expect(evaluateCheck(evidence, "sbom-published").status).toBe("pass");
  });

  it("inspector-delegated-admin: the organisation's delegation credits every member", () => {
    const evidence = organizationEvidence();
    expect(evaluateCheck(evidence, "inspector-delegated-admin").status).toBe("fail");
    evidence.delegatedAdmins = [
      { id: nextId("da"), accountId: "888888888888", servicePrincipal: "inspector2.amazonaws.com", ...seen },
    ];
    expect(evaluateCheck(evidence, "inspector-delegated-admin").status).toBe("pass");
  });
});
