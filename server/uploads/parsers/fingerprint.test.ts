import { describe, expect, it } from "vitest";
import { parseUpload } from "./index";
import { readFixture, readSample, samplePaths } from "./test-inputs";

const scans = [
  ...(["checkovSarif", "checkovJson", "trivySarif", "grypeJson"] as const).map(
    (name) => [samplePaths[name], () => readSample(name)] as const,
  ),
  ...["checkov-two-frameworks.json", "trivy-vulns-and-misconfigs.json", "grype.sarif", "cyclonedx-1.6-nested.json"].map(
    (name) => [name, () => readFixture(name)] as const,
  ),
];

describe("finding fingerprints", () => {
  it.each(scans)("are the same on every parse of %s", (_name, read) => {
    const first = parseUpload(read()).findings.map((finding) => finding.fingerprint);
    const second = parseUpload(read()).findings.map((finding) => finding.fingerprint);
    expect(first.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });

  it.each(scans)("are distinct across the findings of %s", (_name, read) => {
    const fingerprints = parseUpload(read()).findings.map((finding) => finding.fingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    for (const fingerprint of fingerprints) expect(fingerprint).toMatch(/^[0-9a-f]{64}(-\d+)?$/);
  });

  it("survive a check moving to another line when the resource is named", () => {
    const report = (line: number) =>
      JSON.stringify({
        check_type: "terraform",
        results: {
          failed_checks: [
            {
              check_id: "CKV_AWS_18",
              check_name: "Logging",
              file_path: "/s3.tf",
              resource: "aws_s3_bucket.a",
              file_line_range: [line, line + 9],
            },
          ],
        },
      });
    expect(parseUpload(report(40)).findings[0]!.fingerprint).toBe(parseUpload(report(1)).findings[0]!.fingerprint);
  });

  it("differ by package for the same CVE, and number exact repeats", () => {
    const match = (name: string) => ({ vulnerability: { id: "CVE-2024-1", severity: "High" }, artifact: { name, version: "1" } });
    const upload = parseUpload(JSON.stringify({ descriptor: { name: "grype" }, matches: [match("a"), match("b"), match("a")] }));
    const [a, b, repeat] = upload.findings.map((finding) => finding.fingerprint);
    expect(a).not.toBe(b);
    expect(repeat).toBe(`${a}-2`);
    expect(upload.warnings).toEqual([
      "1 finding(s) repeat an earlier one (same rule, location and package); they were kept and numbered.",
    ]);
  });
});
