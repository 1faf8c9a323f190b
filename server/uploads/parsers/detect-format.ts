import { AppError } from "~/server/errors";
import { asArray, asString, describeJsonType, isObject, listKeys, type JsonObject } from "./json-values";
import { sarifKind } from "./sarif-tool";
import type { UploadFormat, UploadKind } from "./upload-types";

export const acceptedFormats =
  "SARIF 2.1.0 from Checkov, Trivy or Grype; Checkov JSON; Trivy JSON; Grype JSON; CycloneDX JSON 1.2 or later; " +
  'SPDX 2.2/2.3 JSON; incidents JSON ({"incidents": [...]}); PagerDuty REST v2 incidents (JSON) or its CSV export; ' +
  'Opsgenie alerts or incidents; incident.io incidents; deployments JSON ({"deployments": [...]}); ' +
  "GitHub deployment_status webhook payloads";

const formatOfKind: Partial<Record<UploadKind, UploadFormat>> = {
  checkov: "checkov-json",
  incidents: "incidents-json",
  deployments: "deployments-json",
};

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
  if (isObject(json.workflow_run) && !isObject(json.deployment_status)) {
    throw new AppError(
      "BAD_REQUEST",
      "A GitHub workflow_run payload does not say which runs are deployments. Send the deployment_status payload, " +
        "or Ladder's deployments JSON ({\"deployments\": [...]}) with committedAt from the run's head_commit.timestamp.",
    );
  }
  const incidentTool = detectIncidentTool(json);
  if (incidentTool) return incidentTool;
  if (Array.isArray(json.deployments)) return "deployments-json";
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
  if (isObject(first)) {
    const tool = detectIncidentTool(first);
    if (tool && tool !== "incidents-json") return tool;
  }
  if (isObject(first) && "startedAt" in first && "title" in first) return "incidents-json";
  if (isObject(first) && "finishedAt" in first && ("service" in first || "status" in first)) return "deployments-json";
  const seen = isObject(first)
    ? `whose first item has keys ${listKeys(first)}`
    : `whose first item is ${describeJsonType(first)}`;
  throw new AppError(
    "BAD_REQUEST",
    `Unrecognised upload: a JSON array of ${items.length} item(s) ${seen}. Accepted arrays: Checkov JSON (one report per framework), incidents, deployments, or pages of PagerDuty, Opsgenie or incident.io and GitHub deployment_status payloads. Accepted: ${acceptedFormats}.`,
  );
}

/** The incident tool (or deployment webhook) a JSON object comes from, by the shape of its records. */
function detectIncidentTool(json: JsonObject): UploadFormat | undefined {
  if (isObject(json.deployment_status) && isObject(json.deployment)) return "github-deployment-status";
  if (Array.isArray(json.incidents)) {
    const first = json.incidents[0];
    if ("pagination_meta" in json || (isObject(first) && isIncidentIoIncident(first))) return "incident-io-json";
    if ("more" in json || "limit" in json || (isObject(first) && isPagerDutyIncident(first))) return "pagerduty-json";
    return "incidents-json";
  }
  if (isObject(json.incident)) {
    if (isIncidentIoIncident(json.incident)) return "incident-io-json";
    if (isPagerDutyIncident(json.incident)) return "pagerduty-json";
  }
  const data = Array.isArray(json.data) ? json.data[0] : json.data;
  if (isObject(data) && isOpsgenieRecord(data)) return "opsgenie-json";
  if (Array.isArray(json.data) && json.data.length === 0 && ("requestId" in json || "took" in json)) return "opsgenie-json";
  return undefined;
}

// PagerDuty REST v2: an incident numbered within the account, with an urgency and a service reference.
function isPagerDutyIncident(value: JsonObject): boolean {
  return "incident_number" in value || value.type === "incident" || ("urgency" in value && "created_at" in value);
}

// incident.io v2: a status with a category, a reference like INC-123, timestamps by name.
function isIncidentIoIncident(value: JsonObject): boolean {
  return "incident_status" in value || "incident_timestamp_values" in value || ("reference" in value && "permalink" in value);
}

// Opsgenie alerts (v2) and incidents (v1): a message, a tiny id, a createdAt.
function isOpsgenieRecord(value: JsonObject): boolean {
  return "message" in value && ("tinyId" in value || "createdAt" in value);
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
