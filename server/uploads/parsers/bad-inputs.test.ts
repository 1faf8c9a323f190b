import { describe, it } from "vitest";
import { parseUpload } from "./index";
import { expectBadRequest, readFixture } from "./test-inputs";

const accepted =
  "Accepted: SARIF 2.1.0 from Checkov, Trivy or Grype; Checkov JSON; Trivy JSON; Grype JSON; CycloneDX JSON 1.2 or later";

describe("inputs Ladder refuses, each with a message a CI user can act on", () => {
  it("empty files", () => {
    const message = "The upload is empty. Check that the scanner wrote its report before the upload step ran.";
    expectBadRequest(() => parseUpload(""), message);
    expectBadRequest(() => parseUpload(" \n\t "), message);
    expectBadRequest(() => parseUpload("\uFEFF"), message);
  });

  it("truncated JSON, saying where it ends", () => {
    expectBadRequest(
      () => parseUpload(readFixture("bad-truncated.txt")),
      "The upload is not valid JSON: it ends early, at line 7, in the middle of a value. The file was probably truncated; upload the complete report.",
    );
  });

  it("malformed JSON, naming the line and column", () => {
    expectBadRequest(
      () => parseUpload('{\n  "version": "2.1.0",\n  "runs": [,]\n}'),
      'The upload is not valid JSON: unexpected ",]\\n}" at line 3, column 12.',
    );
    expectBadRequest(
      () => parseUpload("{'runs': []}"),
      `The upload is not valid JSON: unexpected "'runs': []}" at line 1, column 2.`,
    );
  });

  it("XML instead of JSON", () => {
    expectBadRequest(
      () => parseUpload('<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.4"/>'),
      /it looks like XML. Upload the JSON output/,
    );
  });

  it("JSON of an unknown format, listing the keys found and what is accepted", () => {
    expectBadRequest(
      () => parseUpload(readFixture("bad-unknown.json")),
      `Unrecognised upload: a JSON object with top-level keys apiVersion, kind, metadata, data. ${accepted}`,
    );
    expectBadRequest(() => parseUpload("{}"), "Unrecognised upload: a JSON object with top-level keys (none).");
    expectBadRequest(() => parseUpload('"just text"'), `The upload is JSON but a string, not a report object. ${accepted}`);
    expectBadRequest(() => parseUpload("[1, 2]"), "Unrecognised upload: a JSON array of 2 item(s) whose first item is a number.");
    expectBadRequest(
      () => parseUpload("[]"),
      "The upload is an empty JSON array, so there is nothing to import and no way to tell its format.",
    );
  });

  it("SARIF other than 2.1.0", () => {
    expectBadRequest(
      () => parseUpload(readFixture("bad-sarif-2.0.json")),
      "SARIF version 2.0.0 is not supported; only SARIF 2.1.0 is. Upgrade the scanner or re-export its SARIF as 2.1.0.",
    );
  });

  it("SARIF from a tool that is not a known scanner, unless a kind is given", () => {
    expectBadRequest(
      () => parseUpload(readFixture("unknown-tool.sarif")),
      'SARIF from "Semgrep OSS" is not a scanner Ladder knows (Checkov, Trivy, Grype). Say which kind it is (checkov, trivy or grype) when uploading to import it as that kind.',
    );
    expectBadRequest(
      () => parseUpload(readFixture("unknown-tool.sarif"), "sbom"),
      'SARIF from "Semgrep OSS" cannot be uploaded as sbom; SARIF is accepted for checkov, trivy or grype.',
    );
    expectBadRequest(() => parseUpload('{"version": "2.1.0", "runs": []}'), "The SARIF file has no runs, so it names no tool.");
  });

  it("CycloneDX older than 1.2, or not 1.x", () => {
    expectBadRequest(
      () => parseUpload(readFixture("bad-cyclonedx-1.1.json")),
      "CycloneDX 1.1 is too old; JSON SBOMs need 1.2 or later. Export CycloneDX JSON 1.4 to 1.6 (e.g. syft -o cyclonedx-json, trivy --format cyclonedx).",
    );
    expectBadRequest(
      () => parseUpload('{"bomFormat": "CycloneDX", "specVersion": "2.0"}'),
      "CycloneDX 2.0 is not supported; only 1.x (1.2 or later) is.",
    );
    expectBadRequest(() => parseUpload('{"bomFormat": "CycloneDX"}'), "The CycloneDX file has no specVersion.");
  });

  it("SPDX 3 and SPDX 2 versions other than 2.2 and 2.3", () => {
    const spdx3 = "SPDX 3.0 is not supported yet; export SPDX 2.3 JSON (e.g. syft -o spdx-json).";
    expectBadRequest(() => parseUpload(readFixture("bad-spdx-3.json")), spdx3);
    expectBadRequest(() => parseUpload('{"@context": ["https://spdx.org/rdf/3.0.0/spdx-context.jsonld"], "@graph": []}'), spdx3);
    expectBadRequest(
      () => parseUpload('{"spdxVersion": "SPDX-2.1", "packages": []}'),
      "SPDX-2.1 is not supported; export SPDX 2.2 or 2.3 JSON",
    );
  });
});
