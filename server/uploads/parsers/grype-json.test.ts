import { describe, expect, it } from "vitest";
import { parseUpload } from "./index";
import { readSample } from "./test-inputs";

describe("Grype JSON (sample: Grype 0.66.0, keycloak image)", () => {
  const upload = parseUpload(readSample("grypeJson"));

  it("reads 6 Low matches, keeping Grype's severity over the higher CVSS score", () => {
    expect(upload).toMatchObject({ kind: "grype", format: "grype-json", tool: { name: "grype", version: "0.66.0" } });
    expect(upload.summary).toMatchObject({ findings: 6, failed: 6, bySeverity: { low: 6, medium: 0, unknown: 0 } });
    expect(upload.findings.every((finding) => finding.cvss === 5.9)).toBe(true);
  });

  it("names the package, version and the image without its digest", () => {
    expect(upload.findings.map((finding) => finding.packageName)).toEqual([
      "nspr",
      "nss",
      "nss-softokn",
      "nss-softokn-freebl",
      "nss-sysinit",
      "nss-util",
    ]);
    expect(upload.findings[0]).toMatchObject({
      ruleId: "CVE-2020-12413",
      vulnerabilityId: "CVE-2020-12413",
      installedVersion: "4.34.0-17.el9_1",
      resource: "docker.io/keycloak/keycloak:21.0.2",
      file: "/var/lib/rpm/rpmdb.sqlite",
      url: "https://access.redhat.com/security/cve/CVE-2020-12413",
    });
    expect(upload.findings[0]!.fixedVersion).toBeUndefined();
  });

  it("maps Grype's Negligible to info and reads a fix version", () => {
    const doc = {
      descriptor: { name: "grype", version: "0.80.0" },
      source: { type: "directory", target: "." },
      matches: [
        {
          vulnerability: { id: "CVE-2005-2541", severity: "Negligible", fix: { versions: [], state: "not-fixed" } },
          artifact: { name: "tar", version: "1.34" },
        },
        {
          vulnerability: { id: "GHSA-c2qf-rxjj-qqgw", severity: "High", fix: { versions: ["7.5.2"], state: "fixed" } },
          artifact: { name: "semver", version: "7.5.1" },
        },
      ],
    };
    const parsed = parseUpload(JSON.stringify(doc));
    expect(parsed.findings.map((finding) => [finding.severity, finding.fixedVersion, finding.resource])).toEqual([
      ["info", undefined, "."],
      ["high", "7.5.2", "."],
    ]);
  });
});
