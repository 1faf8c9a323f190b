import { describe, expect, it } from "vitest";
import { parseUpload } from "./index";
import { readFixture, readSample } from "./test-inputs";

describe("Checkov JSON (sample: Checkov 2.2.34 with severities)", () => {
  const upload = parseUpload(readSample("checkovJson"));

  it("reads the 4 failed GCP checks with their severities", () => {
    expect(upload).toMatchObject({ kind: "checkov", format: "checkov-json", tool: { name: "Checkov", version: "2.2.34" } });
    expect(upload.summary).toMatchObject({ findings: 4, failed: 4, passed: 0 });
    expect(upload.summary.bySeverity).toEqual({ critical: 0, high: 1, medium: 2, low: 1, info: 0, unknown: 0 });
    expect(upload.findings[0]).toMatchObject({
      ruleId: "CKV_GCP_29",
      status: "failed",
      severity: "medium",
      resource: "google_storage_bucket.terragoat_website",
      file: "gcs.tf",
      line: 1,
      url: "https://docs.bridgecrew.io/docs/bc_gcp_gcs_2",
    });
  });
});

describe("Checkov JSON array of two frameworks (fixture)", () => {
  const upload = parseUpload(readFixture("checkov-two-frameworks.json"));

  it("reads passed, failed and skipped checks from both frameworks, in file order", () => {
    expect(upload).toMatchObject({ kind: "checkov", format: "checkov-json", tool: { version: "3.2.255" } });
    expect(upload.findings.map((finding) => [finding.ruleId, finding.status, finding.severity])).toEqual([
      ["CKV_AWS_21", "passed", "unknown"],
      ["CKV_AWS_18", "failed", "unknown"],
      ["CKV_AWS_24", "failed", "high"],
      ["CKV_AWS_144", "skipped", "unknown"],
      ["CKV_DOCKER_2", "passed", "unknown"],
      ["CKV_DOCKER_3", "failed", "low"],
    ]);
    expect(upload.summary).toMatchObject({ findings: 6, failed: 3, passed: 2 });
    expect(upload.summary.bySeverity).toEqual({ critical: 0, high: 1, medium: 0, low: 1, info: 0, unknown: 1 });
  });

  it("strips Checkov's leading slash from file paths", () => {
    expect(upload.findings[2]).toMatchObject({ file: "network.tf", line: 20, resource: "aws_security_group.bastion" });
  });

  it("accepts the summary-only object Checkov prints when it found nothing to scan", () => {
    const empty = parseUpload(
      JSON.stringify({ passed: 0, failed: 0, skipped: 0, parsing_errors: 0, resource_count: 0, checkov_version: "3.2.1" }),
    );
    expect(empty).toMatchObject({ kind: "checkov", format: "checkov-json", tool: { version: "3.2.1" }, findings: [] });
  });
});
