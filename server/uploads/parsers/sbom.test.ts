import { describe, expect, it } from "vitest";
import { parseUpload } from "./index";
import { readFixture, readSample } from "./test-inputs";

describe("CycloneDX 1.4 (sample: Laravel 7.12.0, composer)", () => {
  const upload = parseUpload(readSample("cyclonedx"));

  it("reads all 62 components, not the BOM's own subject", () => {
    expect(upload).toMatchObject({ kind: "sbom", format: "cyclonedx-json", specVersion: "1.4" });
    expect(upload.tool).toEqual({ name: "cyclonedx-php-composer", version: "in-dev" });
    expect(upload.summary).toMatchObject({ components: 62, findings: 0 });
    expect(upload.components.some((component) => component.name === "cyclonedx-php-composer-demo")).toBe(false);
    expect(upload.components[0]).toEqual({
      purl: "pkg:composer/asm89/stack-cors@1.3.0",
      name: "stack-cors",
      version: "1.3.0",
      type: "library",
      licenses: ["MIT"],
    });
  });

  it("reads every component's licence", () => {
    const licences = upload.components.map((component) => component.licenses.join(" "));
    expect(licences.filter((licence) => licence === "MIT")).toHaveLength(57);
    expect(licences.filter((licence) => licence === "BSD-3-Clause")).toHaveLength(4);
    expect(licences.filter((licence) => licence === "Apache-2.0")).toHaveLength(1);
  });
});

describe("CycloneDX 1.6 with nested components and vulnerabilities (fixture)", () => {
  const upload = parseUpload(readFixture("cyclonedx-1.6-nested.json"));

  it("flattens nested components and reads licences in id, name and expression form", () => {
    expect(upload).toMatchObject({ specVersion: "1.6", tool: { name: "cdxgen", version: "11.2.0" } });
    expect(upload.components.map((component) => [component.name, component.licenses])).toEqual([
      ["express", ["MIT"]],
      ["body-parser", ["MIT"]],
      ["qs", ["BSD-3-Clause"]],
      ["client-s3", ["Apache-2.0"]],
      ["dual-licensed", ["(MIT OR Apache-2.0)"]],
      ["internal-fonts", ["Proprietary font licence"]],
    ]);
    expect(upload.components[3]).toMatchObject({ supplier: "Amazon Web Services", purl: "pkg:npm/%40aws-sdk/client-s3@3.600.0" });
  });

  it("turns the vulnerabilities into findings, one per affected component", () => {
    expect(
      upload.findings.map((finding) => [
        finding.vulnerabilityId,
        finding.packageName,
        finding.severity,
        finding.status,
        finding.cvss,
      ]),
    ).toEqual([
      ["CVE-2022-24999", "qs", "high", "failed", 7.5],
      ["GHSA-rv95-896h-c2vc", "express", "critical", "skipped", 9.1],
      ["GHSA-rv95-896h-c2vc", "body-parser", "critical", "skipped", 9.1],
    ]);
    expect(upload.findings[0]).toMatchObject({
      installedVersion: "6.11.0",
      url: "https://nvd.nist.gov/vuln/detail/CVE-2022-24999",
    });
    expect(upload.summary).toMatchObject({ findings: 3, failed: 1, components: 6, bySeverity: { high: 1, critical: 0 } });
  });

  it("accepts later 1.x versions", () => {
    const doc = JSON.stringify({ bomFormat: "CycloneDX", specVersion: "1.7", components: [{ name: "zlib", version: "1.3.1" }] });
    expect(parseUpload(doc)).toMatchObject({
      specVersion: "1.7",
      components: [{ name: "zlib", version: "1.3.1", licenses: [] }],
    });
    expect(parseUpload(doc).tool).toEqual({ name: "unknown SBOM generator" });
  });
});

describe("SPDX 2.2 (sample: App-BOM-ination)", () => {
  const upload = parseUpload(readSample("spdx"));

  it("reads 7 packages with versions, purls and concluded licences", () => {
    expect(upload).toMatchObject({ kind: "sbom", format: "spdx-json", specVersion: "SPDX-2.2" });
    expect(upload.tool).toEqual({ name: "Source Auditor Open Source Console" });
    expect(upload.summary).toMatchObject({ components: 7, findings: 0 });
    const byName = new Map(upload.components.map((component) => [component.name, component]));
    expect(byName.get("App-BOM-ination")).toEqual({
      name: "App-BOM-ination",
      version: "1.0",
      licenses: ["(LicenseRef-1 AND Apache-2.0)"],
      supplier: "ACT Project",
    });
    expect(byName.get("hamcrest-core")).toMatchObject({
      purl: "pkg:maven/org.hamcrest/hamcrest-core@1.3",
      licenses: ["BSD-3-Clause"],
    });
    expect(upload.components.filter((component) => component.purl)).toHaveLength(4);
  });
});

describe("SPDX 2.3 (fixture)", () => {
  const upload = parseUpload(readFixture("spdx-2.3.json"));

  it("treats NOASSERTION and NONE as no licence, falling back to the declared one", () => {
    expect(upload).toMatchObject({ specVersion: "SPDX-2.3", tool: { name: "syft", version: "1.18.1" } });
    expect(upload.components.map((component) => [component.name, component.licenses, component.type])).toEqual([
      ["ladder-demo-worker", [], "container"],
      ["requests", ["Apache-2.0"], "library"],
      ["openssl", ["Apache-2.0"], undefined],
      ["vendored-helpers", [], undefined],
    ]);
  });

  it("reads purls from either spelling of the package-manager category, and suppliers", () => {
    expect(upload.components[1]).toMatchObject({
      purl: "pkg:pypi/requests@2.32.3",
      supplier: "Kenneth Reitz (me@kennethreitz.org)",
    });
    expect(upload.components[2]).toMatchObject({
      purl: "pkg:deb/debian/openssl@3.0.15-1~deb12u1?arch=amd64",
      supplier: "Debian OpenSSL Team",
    });
    expect(upload.components[0]!.supplier).toBeUndefined();
  });
});
