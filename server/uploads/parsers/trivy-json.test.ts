import { describe, expect, it } from "vitest";
import { parseUpload } from "./index";
import { readFixture } from "./test-inputs";

describe("Trivy JSON with vulnerabilities, misconfigurations and a secret (fixture)", () => {
  const upload = parseUpload(readFixture("trivy-vulns-and-misconfigs.json"));

  it("is read as Trivy JSON", () => {
    expect(upload).toMatchObject({
      kind: "trivy",
      format: "trivy-json",
      specVersion: "2",
      tool: { name: "Trivy", version: "0.58.1" },
    });
  });

  it("reads each vulnerability with package, versions, CVSS and severity", () => {
    const vulnerabilities = upload.findings.filter((finding) => finding.vulnerabilityId);
    expect(vulnerabilities.map((finding) => [finding.vulnerabilityId, finding.severity, finding.cvss])).toEqual([
      ["CVE-2024-5535", "critical", 9.1],
      ["CVE-2023-50387", "high", 7.5],
      ["CVE-2011-3374", "unknown", undefined],
      ["GHSA-9wv6-86v2-598j", "high", undefined],
    ]);
    expect(vulnerabilities[0]).toMatchObject({
      packageName: "libssl3",
      installedVersion: "3.0.11-1~deb12u2",
      fixedVersion: "3.0.14-1~deb12u2",
      resource: "registry.example.com/ladder/api:1.8.0",
      file: "registry.example.com/ladder/api:1.8.0 (debian 12.5)",
      url: "https://avd.aquasec.com/nvd/cve-2024-5535",
    });
  });

  it("reads misconfigurations with their pass/fail status, and secrets without the matched text", () => {
    const others = upload.findings.filter((finding) => !finding.vulnerabilityId);
    expect(others.map((finding) => [finding.ruleId, finding.status, finding.severity, finding.file])).toEqual([
      ["AVD-DS-0002", "failed", "high", "Dockerfile"],
      ["AVD-DS-0026", "passed", "low", "Dockerfile"],
      ["aws-access-key-id", "failed", "critical", "config/settings.env"],
    ]);
    expect(JSON.stringify(upload.findings)).not.toContain("AWS_ACCESS_KEY_ID=");
  });

  it("summarises failed findings by severity and warns about ignored licence findings", () => {
    expect(upload.summary).toMatchObject({ findings: 7, failed: 6, passed: 1 });
    expect(upload.summary.bySeverity).toEqual({ critical: 2, high: 3, medium: 0, low: 0, info: 0, unknown: 1 });
    expect(upload.warnings).toEqual(["1 Trivy license finding(s) were ignored; upload an SBOM to track licences."]);
  });
});
