import { buildUpload } from "./build-upload";
import { parseCheckovJson } from "./checkov-json";
import { parseCycloneDx } from "./cyclonedx";
import { detectFormat } from "./detect-format";
import { parseGrypeJson } from "./grype-json";
import { parseIncidents } from "./incidents";
import { asObject } from "./json-values";
import { parseJsonText } from "./json-text";
import { parseSarif } from "./sarif";
import { sarifKind } from "./sarif-tool";
import { parseSpdx } from "./spdx";
import { parseTrivyJson } from "./trivy-json";
import type { ParsedUpload, UploadDraft, UploadFormat, UploadKind } from "./upload-types";

export { detectFormat } from "./detect-format";
export { maxUploadCharacters } from "./json-text";
export type {
  Finding,
  FindingStatus,
  IncidentRecord,
  ParsedUpload,
  SbomComponent,
  Severity,
  UploadFormat,
  UploadKind,
  UploadSummary,
} from "./upload-types";

/** Parses an uploaded report into normalised records; throws AppError BAD_REQUEST on input it can't use. */
export function parseUpload(text: string, hint?: UploadKind): ParsedUpload {
  const json = parseJsonText(text);
  const format = detectFormat(json, hint);
  const draft = parseFormat(format, json, hint);
  if (hint && hint !== draft.kind) {
    const what = format === "sarif" ? `SARIF from ${draft.tool.name}` : describeFormat(format);
    draft.warnings.unshift(`Uploaded as ${hint}, but the file is ${what}; it was imported as ${draft.kind}.`);
  }
  return buildUpload(draft);
}

function parseFormat(format: UploadFormat, json: unknown, hint: UploadKind | undefined): UploadDraft {
  switch (format) {
    case "sarif":
      return parseSarif(asObject(json), sarifKind(asObject(json), hint));
    case "checkov-json":
      return parseCheckovJson(json);
    case "trivy-json":
      return parseTrivyJson(asObject(json));
    case "grype-json":
      return parseGrypeJson(asObject(json));
    case "cyclonedx-json":
      return parseCycloneDx(asObject(json));
    case "spdx-json":
      return parseSpdx(asObject(json));
    case "incidents-json":
      return parseIncidents(json);
  }
}

function describeFormat(format: UploadFormat): string {
  const names: Record<UploadFormat, string> = {
    sarif: "SARIF",
    "checkov-json": "a Checkov JSON report",
    "trivy-json": "a Trivy JSON report",
    "grype-json": "a Grype JSON report",
    "cyclonedx-json": "a CycloneDX SBOM",
    "spdx-json": "an SPDX SBOM",
    "incidents-json": "an incidents file",
  };
  return names[format];
}
