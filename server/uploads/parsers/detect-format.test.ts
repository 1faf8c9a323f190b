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
  pagerduty: "pagerduty-json",
  opsgenie: "opsgenie-json",
  githubDeploymentStatus: "github-deployment-status",
};

const fixtureFormats: Record<string, UploadFormat> = {
  "checkov-two-frameworks.json": "checkov-json",
  "cyclonedx-1.6-nested.json": "cyclonedx-json",
  "spdx-2.3.json": "spdx-json",
  "trivy-vulns-and-misconfigs.json": "trivy-json",
  "grype.sarif": "sarif",
  "incidents.json": "incidents-json",
  "pagerduty-pages.json": "pagerduty-json",
  "opsgenie-alerts.json": "opsgenie-json",
  "incident-io.json": "incident-io-json",
  "deployments.json": "deployments-json",
  "github-deployment-statuses.json": "github-deployment-status",
};

// What each incident and deployment fixture holds, read without a hint (the streamed reading of
// the same files is compared with this in stream.test.ts).
const fixtureCounts: [string, { incidents: number; deployments: number }][] = [
  ["pagerduty-pages.json", { incidents: 3, deployments: 0 }],
  ["opsgenie-alerts.json", { incidents: 2, deployments: 0 }],
  ["incident-io.json", { incidents: 2, deployments: 0 }],
  ["deployments.json", { incidents: 0, deployments: 3 }],
  ["github-deployment-statuses.json", { incidents: 0, deployments: 2 }],
];

describe("detectFormat", () => {
  it.each(fixtureCounts)("reads every record of %s", (name, counts) => {
    expect(parseUpload(readFixture(name)).summary).toMatchObject(counts);
  });

  it("tells the incident tools apart by their records, and empty pages by their frame", () => {
    expect(detectFormat({ incidents: [{ id: "1", title: "t", startedAt: "2025-01-01T00:00:00Z" }] })).toBe("incidents-json");
    expect(detectFormat({ incidents: [], limit: 25, offset: 0, more: false })).toBe("pagerduty-json");
    expect(detectFormat({ incidents: [], pagination_meta: {} })).toBe("incident-io-json");
    expect(detectFormat({ incident: { incident_number: 1, created_at: "x" } })).toBe("pagerduty-json");
    expect(detectFormat({ incident: { reference: "INC-1", permalink: "u" } })).toBe("incident-io-json");
    expect(detectFormat({ data: [], took: 0.1, requestId: "r" })).toBe("opsgenie-json");
    expect(detectFormat({ data: { id: "a", message: "m", createdAt: "x" } })).toBe("opsgenie-json");
    expect(detectFormat([{ finishedAt: "x", service: "s" }])).toBe("deployments-json");
    expect(detectFormat([], "deployments")).toBe("deployments-json");
  });

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
