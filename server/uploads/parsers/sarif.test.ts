import { describe, expect, it } from "vitest";
import { parseUpload } from "./index";
import { readFixture, readSample } from "./test-inputs";

describe("Checkov SARIF (sample: Checkov 3.3.8)", () => {
  const upload = parseUpload(readSample("checkovSarif"));
  const raw = JSON.parse(readSample("checkovSarif")) as { runs: { results: { level: string }[] }[] };

  it("is read as a Checkov SARIF 2.1.0 upload", () => {
    expect(upload).toMatchObject({
      kind: "checkov",
      format: "sarif",
      specVersion: "2.1.0",
      tool: { name: "Checkov", version: "3.3.8" },
    });
    expect(upload.warnings).toEqual([]);
  });

  it("keeps all 27 results, all failed, in terraform/main.tf", () => {
    expect(raw.runs[0]!.results.every((result) => result.level === "error")).toBe(true);
    expect(upload.findings).toHaveLength(27);
    expect(upload.summary).toMatchObject({ findings: 27, failed: 27, passed: 0, components: 0, incidents: 0 });
    expect(new Set(upload.findings.map((finding) => finding.file))).toEqual(new Set(["terraform/main.tf"]));
    expect(upload.findings[0]).toMatchObject({ ruleId: "CKV_AWS_290", line: 16, status: "failed" });
    expect(upload.findings[0]!.url).toMatch(/^https:\/\/docs\.prismacloud\.io\//);
  });

  it("records Checkov's blanket level 'error' as unknown severity, since the rules carry none", () => {
    expect(upload.summary.bySeverity).toEqual({ critical: 0, high: 0, medium: 0, low: 0, info: 0, unknown: 27 });
  });
});

describe("Trivy SARIF (sample: alpine 3.10.2 image)", () => {
  const upload = parseUpload(readSample("trivySarif"));

  it("reads 4 medium vulnerabilities with package, versions and CVSS from the message text", () => {
    expect(upload).toMatchObject({ kind: "trivy", format: "sarif", tool: { name: "Trivy", version: "dev" } });
    expect(upload.summary).toMatchObject({ findings: 4, failed: 4, bySeverity: { medium: 4, unknown: 0 } });
    expect(upload.findings.map((finding) => [finding.vulnerabilityId, finding.packageName, finding.fixedVersion])).toEqual([
      ["CVE-2019-1549", "libcrypto1.1", "1.1.1d-r0"],
      ["CVE-2019-1551", "libcrypto1.1", "1.1.1d-r2"],
      ["CVE-2019-1549", "libssl1.1", "1.1.1d-r0"],
      ["CVE-2019-1551", "libssl1.1", "1.1.1d-r2"],
    ]);
    expect(upload.findings[0]).toMatchObject({
      installedVersion: "1.1.1c-r0",
      cvss: 5.3,
      title: "openssl: information disclosure in fork()",
      url: "https://avd.aquasec.com/nvd/cve-2019-1549",
      file: "testdata/fixtures/images/alpine-310.tar.gz",
    });
  });
});

describe("Grype SARIF (fixture)", () => {
  const upload = parseUpload(readFixture("grype.sarif"));

  it("prefers Grype's own severity word over the CVSS score in security-severity", () => {
    expect(upload).toMatchObject({ kind: "grype", format: "sarif", tool: { name: "grype", version: "0.86.1" } });
    expect(upload.findings.map((finding) => [finding.vulnerabilityId, finding.severity])).toEqual([
      ["CVE-2023-44487", "high"],
      ["CVE-2020-12413", "low"],
      ["GHSA-xvch-5gv4-984h", "critical"],
    ]);
  });

  it("reads package, version and fix from the rule help, and the advisory link", () => {
    expect(upload.findings[0]).toMatchObject({
      ruleId: "CVE-2023-44487-golang.org/x/net",
      packageName: "golang.org/x/net",
      installedVersion: "v0.15.0",
      fixedVersion: "0.17.0",
      url: "https://github.com/advisories/GHSA-qppj-fm5r-hxr3",
      file: "/usr/local/bin/worker",
    });
    expect(upload.findings[1]!.fixedVersion).toBeUndefined();
  });

  it("skips a result with no rule and says so", () => {
    expect(upload.summary.findings).toBe(3);
    expect(upload.warnings).toEqual(["1 SARIF result(s) named no rule and were skipped."]);
  });
});

describe("SARIF from another tool", () => {
  it("is accepted as the hinted kind, with level mapped to severity and the path decoded", () => {
    const upload = parseUpload(readFixture("unknown-tool.sarif"), "checkov");
    expect(upload).toMatchObject({ kind: "checkov", format: "sarif", tool: { name: "Semgrep OSS", version: "1.99.0" } });
    expect(upload.findings).toEqual([
      expect.objectContaining({ ruleId: "python.lang.security.audit.eval-detected", file: "src/tasks/run job.py", line: 42 }),
    ]);
    expect(upload.findings[0]!.severity).toBe("medium");
  });

  it("maps SARIF levels and security-severity for a generic scanner kind", () => {
    const sarif = (level: string, properties?: object) =>
      JSON.stringify({
        version: "2.1.0",
        runs: [{ tool: { driver: { name: "Acme", rules: [{ id: "R1", properties }] } }, results: [{ ruleId: "R1", level }] }],
      });
    const severityOf = (level: string, properties?: object) =>
      parseUpload(sarif(level, properties), "trivy").findings[0]!.severity;
    expect([severityOf("error"), severityOf("warning"), severityOf("note"), severityOf("none")]).toEqual([
      "high",
      "medium",
      "low",
      "info",
    ]);
    expect(severityOf("note", { "security-severity": "9.0" })).toBe("critical");
    expect(severityOf("note", { "security-severity": "7" })).toBe("high");
    expect(severityOf("error", { "security-severity": "4.0" })).toBe("medium");
    expect(severityOf("error", { "security-severity": "0.1" })).toBe("low");
    expect(severityOf("error", { tags: ["security", "CRITICAL"] })).toBe("critical");
  });

  it("marks suppressed results skipped and kind 'pass' results passed", () => {
    const upload = parseUpload(
      JSON.stringify({
        version: "2.1.0",
        runs: [
          {
            tool: { driver: { name: "Checkov", rules: [{ id: "CKV_1", properties: { "security-severity": "8.9" } }] } },
            results: [
              { ruleId: "CKV_1", level: "error", suppressions: [{ kind: "inSource", justification: "accepted" }] },
              { ruleId: "CKV_1", kind: "pass", locations: [{ physicalLocation: { artifactLocation: { uri: "b.tf" } } }] },
            ],
          },
        ],
      }),
    );
    expect(upload.findings.map((finding) => [finding.status, finding.severity])).toEqual([
      ["skipped", "high"],
      ["passed", "high"],
    ]);
    expect(upload.summary).toMatchObject({ failed: 0, passed: 1, bySeverity: { high: 0 } });
  });
});
