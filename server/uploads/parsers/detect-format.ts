import { AppError } from "~/server/errors";
import { asArray, asString, describeJsonType, isObject, listKeys, type JsonObject } from "./json-values";
import { sarifKind } from "./sarif-tool";
import type { UploadFormat, UploadKind } from "./upload-types";

export const acceptedFormats =
  "SARIF 2.1.0 from Checkov, Trivy or Grype; Checkov JSON; Trivy JSON; Grype JSON; CycloneDX JSON 1.2 or later; " +
  'SPDX 2.2/2.3 JSON; incidents JSON ({"incidents": [...]})';

const formatOfKind: Partial<Record<UploadKind, UploadFormat>> = { checkov: "checkov-json", incidents: "incidents-json" };

/** Recognises an upload from its shape; the hint only settles SARIF from other tools and empty arrays. */
export function detectFormat(json: unknown, hint?: UploadKind): UploadFormat {
  if (Array.isArray(json)) return detectArrayFormat(json, hint);
  if (!isObject(json)) {
    throw new AppError(
      "BAD_REQUEST",
      `The upload is JSON but ${describeJsonType(json)}, not a report object. Accepted: ${acceptedFormats}.`,
    );
  }
  rejectSpdx3(json);
  if (Array.isArray(json.runs) && (typeof json.version === "string" || /sarif/i.test(asString(json.$schema) ?? ""))) {
    checkSarifVersion(json);
    sarifKind(json, hint);
    return "sarif";
  }
  if (json.bomFormat === "CycloneDX") {
    checkCycloneDxVersion(json.specVersion);
    return "cyclonedx-json";
  }
  if (typeof json.spdxVersion === "string") {
    checkSpdxVersion(json.spdxVersion);
    return "spdx-json";
  }
  if (isCheckovReport(json) || isCheckovEmptySummary(json)) return "checkov-json";
  if ("SchemaVersion" in json && ("ArtifactName" in json || Array.isArray(json.Results))) return "trivy-json";
  if (Array.isArray(json.matches) && (isObject(json.descriptor) || isObject(json.source))) return "grype-json";
  if (Array.isArray(json.incidents)) return "incidents-json";
  throw new AppError(
    "BAD_REQUEST",
    `Unrecognised upload: a JSON object with top-level keys ${listKeys(json)}. Accepted: ${acceptedFormats}.`,
  );
}

function detectArrayFormat(items: unknown[], hint: UploadKind | undefined): UploadFormat {
  if (items.length === 0) {
    const format = hint === undefined ? undefined : formatOfKind[hint];
    if (format) return format;
    throw new AppError(
      "BAD_REQUEST",
      "The upload is an empty JSON array, so there is nothing to import and no way to tell its format. Upload the report the tool wrote, or say which kind it is.",
    );
  }
  const first = items[0];
  if (items.every((item) => isObject(item) && (isCheckovReport(item) || isCheckovEmptySummary(item)))) return "checkov-json";
  if (isObject(first) && "startedAt" in first && "title" in first) return "incidents-json";
  const seen = isObject(first)
    ? `whose first item has keys ${listKeys(first)}`
    : `whose first item is ${describeJsonType(first)}`;
  throw new AppError(
    "BAD_REQUEST",
    `Unrecognised upload: a JSON array of ${items.length} item(s) ${seen}. Accepted arrays: Checkov JSON (one report per framework) or incidents. Accepted: ${acceptedFormats}.`,
  );
}

function isCheckovReport(value: JsonObject): boolean {
  return typeof value.check_type === "string" && isObject(value.results);
}

// Checkov prints only its summary when it found nothing to scan.
function isCheckovEmptySummary(value: JsonObject): boolean {
  return "checkov_version" in value && "passed" in value && "failed" in value;
}

function rejectSpdx3(json: JsonObject): void {
  const contexts = [json["@context"], ...asArray(json["@context"])].map((context) => asString(context) ?? "");
  const isSpdx3 =
    contexts.some((context) => /spdx\.org\/rdf\/3/i.test(context)) || /^SPDX-3/i.test(asString(json.spdxVersion) ?? "");
  if (isSpdx3) {
    throw new AppError("BAD_REQUEST", "SPDX 3.0 is not supported yet; export SPDX 2.3 JSON (e.g. syft -o spdx-json).");
  }
}

function checkSarifVersion(json: JsonObject): void {
  const version = asString(json.version);
  if (version === "2.1.0") return;
  throw new AppError(
    "BAD_REQUEST",
    `SARIF version ${version ?? "(missing)"} is not supported; only SARIF 2.1.0 is. Upgrade the scanner or re-export its SARIF as 2.1.0.`,
  );
}

function checkCycloneDxVersion(specVersion: unknown): void {
  const version = asString(specVersion);
  const match = /^(\d+)\.(\d+)$/.exec(version ?? "");
  const major = Number(match?.[1]);
  const minor = Number(match?.[2]);
  if (major === 1 && minor >= 2) return;
  const advice = "Export CycloneDX JSON 1.4 to 1.6 (e.g. syft -o cyclonedx-json, trivy --format cyclonedx).";
  if (version === undefined) throw new AppError("BAD_REQUEST", `The CycloneDX file has no specVersion. ${advice}`);
  if (major === 1) throw new AppError("BAD_REQUEST", `CycloneDX ${version} is too old; JSON SBOMs need 1.2 or later. ${advice}`);
  throw new AppError("BAD_REQUEST", `CycloneDX ${version} is not supported; only 1.x (1.2 or later) is. ${advice}`);
}

function checkSpdxVersion(spdxVersion: string): void {
  if (spdxVersion === "SPDX-2.2" || spdxVersion === "SPDX-2.3") return;
  throw new AppError("BAD_REQUEST", `${spdxVersion} is not supported; export SPDX 2.2 or 2.3 JSON (e.g. syft -o spdx-json).`);
}
