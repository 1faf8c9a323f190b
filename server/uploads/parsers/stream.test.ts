import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { bytesSource } from "~/server/uploads/json/byte-source";
import {
  parseUpload,
  readUploadStream,
  type DeploymentRecord,
  type Finding,
  type IncidentRecord,
  type SbomComponent,
  type UploadKind,
} from "./index";
import { readFixture, readSample, samplePaths } from "./test-inputs";

// A report too large to hold is read in two streamed passes; every report must come out of
// that path exactly as it does when read in memory, whatever the chunk boundaries.
async function readStreamed(text: string, chunkSize: number, hint?: UploadKind) {
  const findings: Finding[] = [];
  const components: SbomComponent[] = [];
  const incidents: IncidentRecord[] = [];
  const deployments: DeploymentRecord[] = [];
  let headerSeenBeforeRecords = true;
  let records = 0;
  const read = await readUploadStream({
    source: bytesSource(Buffer.from(text), chunkSize),
    hint,
    out: {
      finding: (f) => (records++, findings.push(f)),
      component: (c) => (records++, components.push(c)),
      incident: (i) => (records++, incidents.push(i)),
      deployment: (d) => (records++, deployments.push(d)),
    },
    onHeader: async () => {
      if (records > 0) headerSeenBeforeRecords = false;
    },
    afterChunk: async () => undefined,
  });
  expect(headerSeenBeforeRecords).toBe(true);
  return { ...read.header, findings, components, incidents, deployments, summary: read.summary, warnings: read.warnings };
}

const fixtures = [
  "checkov-two-frameworks.json",
  "cyclonedx-1.6-nested.json",
  "grype.sarif",
  "incidents.json",
  "incident-io.json",
  "opsgenie-alerts.json",
  "pagerduty-pages.json",
  "deployments.json",
  "github-deployment-statuses.json",
  "spdx-2.3.json",
  "trivy-vulns-and-misconfigs.json",
  "unknown-tool.sarif",
];

describe("streamed reading equals reading in memory", () => {
  for (const name of fixtures) {
    it(`fixture ${name}`, async () => {
      const text = readFixture(name);
      const hint = name === "unknown-tool.sarif" ? "trivy" : undefined;
      const expected = parseUpload(text, hint);
      for (const chunkSize of [7, 4096]) expect(await readStreamed(text, chunkSize, hint)).toEqual(expected);
    });
  }
  for (const name of Object.keys(samplePaths) as (keyof typeof samplePaths)[]) {
    it(`sample ${name}`, async () => {
      const text = readSample(name);
      expect(await readStreamed(text, 1000)).toEqual(parseUpload(text));
    });
  }

  it("reads SARIF whose results come before the rules they name", async () => {
    const rules = [{ id: "R1", shortDescription: { text: "Rule one" }, help: { text: "Severity: HIGH" } }];
    const results = [{ ruleId: "R1", locations: [{ physicalLocation: { artifactLocation: { uri: "a.tf" } } }] }];
    const text = JSON.stringify({ version: "2.1.0", runs: [{ results, tool: { driver: { name: "Trivy", rules } } }] });
    const upload = await readStreamed(text, 16);
    expect(upload.findings).toMatchObject([{ ruleId: "R1", title: "Rule one", severity: "high", file: "a.tf" }]);
    expect(upload).toEqual(parseUpload(text));
  });

  it("reads Grype JSON, whose source comes after its matches", async () => {
    const text = readSample("grypeJson");
    const upload = await readStreamed(text, 512);
    expect(upload.findings.length).toBeGreaterThan(0);
    expect(new Set(upload.findings.map((f) => f.resource))).toEqual(new Set(parseUpload(text).findings.map((f) => f.resource)));
  });
});

describe("streamed reading refuses bad input with the same kind of message", () => {
  const refusal = async (text: string) => {
    const error = await readStreamed(text, 5).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  };

  it("empty, truncated, malformed and XML", async () => {
    expect(await refusal(" \n ")).toMatch(/^The upload is empty/);
    expect(await refusal(readFixture("bad-truncated.txt"))).toBe(
      "The upload is not valid JSON: it ends early, at line 7, in the middle of a value. The file was probably truncated; upload the complete report.",
    );
    expect(await refusal('{\n  "version": "2.1.0",\n  "runs": [,]\n}')).toMatch(
      /^The upload is not valid JSON: unexpected .* at line 3\.$/,
    );
    expect(await refusal('<?xml version="1.0"?><bom/>')).toMatch(/it looks like XML/);
  });

  it("a format Ladder does not know, and an invalid incident among many", async () => {
    expect(await refusal('{"hello": [1, 2, 3]}')).toMatch(/^Unrecognised upload: a JSON object with top-level keys hello/);
    const incidents = Array.from({ length: 50 }, (_, i) => ({ id: `I-${i}`, title: "t", startedAt: "2025-01-01T00:00:00Z" }));
    incidents[40] = { id: "I-40", title: "t", startedAt: "soon" };
    expect(await refusal(JSON.stringify({ incidents }))).toMatch(/incidents\[40\]\.startedAt: must be an ISO 8601/);
  });
});
