import { describe, expect, it } from "vitest";
import { detectFormat, parseUpload, type UploadFormat } from "./index";
import { readFixture, readSample, type samplePaths } from "./test-inputs";

const sampleFormats: Record<keyof typeof samplePaths, UploadFormat> = {
  checkovSarif: "sarif",
  checkovJson: "checkov-json",
  trivySarif: "sarif",
  grypeJson: "grype-json",
  cyclonedx: "cyclonedx-json",
  spdx: "spdx-json",
};

const fixtureFormats: Record<string, UploadFormat> = {
  "checkov-two-frameworks.json": "checkov-json",
  "cyclonedx-1.6-nested.json": "cyclonedx-json",
  "spdx-2.3.json": "spdx-json",
  "trivy-vulns-and-misconfigs.json": "trivy-json",
  "grype.sarif": "sarif",
  "incidents.json": "incidents-json",
};

describe("detectFormat", () => {
  it.each(Object.entries(sampleFormats))("recognises the %s sample without a hint", (name, format) => {
    expect(detectFormat(JSON.parse(readSample(name as keyof typeof samplePaths)))).toBe(format);
  });

  it.each(Object.entries(fixtureFormats))("recognises the %s fixture without a hint", (name, format) => {
    expect(detectFormat(JSON.parse(readFixture(name)))).toBe(format);
  });

  it("uses a hint to read an empty array", () => {
    expect(detectFormat([], "incidents")).toBe("incidents-json");
    expect(detectFormat([], "checkov")).toBe("checkov-json");
  });
});

describe("kinds and hints", () => {
  it("takes the kind of a SARIF file from the tool that wrote it", () => {
    expect(parseUpload(readSample("checkovSarif")).kind).toBe("checkov");
    expect(parseUpload(readSample("trivySarif")).kind).toBe("trivy");
    expect(parseUpload(readFixture("grype.sarif")).kind).toBe("grype");
  });

  it("recognises Checkov SARIF written under the Prisma Cloud name", () => {
    const sarif = {
      version: "2.1.0",
      runs: [{ tool: { driver: { name: "Prisma Cloud", informationUri: "https://docs.prismacloud.io" } }, results: [] }],
    };
    expect(parseUpload(JSON.stringify(sarif)).kind).toBe("checkov");
  });

  it("keeps the detected kind when the hint disagrees, and warns", () => {
    const upload = parseUpload(readSample("spdx"), "trivy");
    expect(upload.kind).toBe("sbom");
    expect(upload.warnings).toEqual(["Uploaded as trivy, but the file is an SPDX SBOM; it was imported as sbom."]);
    expect(parseUpload(readSample("checkovSarif"), "grype").warnings[0]).toBe(
      "Uploaded as grype, but the file is SARIF from Checkov; it was imported as checkov.",
    );
  });

  it("reads a file that starts with a UTF-8 byte-order mark", () => {
    expect(parseUpload(`\uFEFF${readFixture("incidents.json")}`).summary.incidents).toBe(3);
  });
});
