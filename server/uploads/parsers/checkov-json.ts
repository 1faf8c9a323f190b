import { asArray, asLine, asNumber, asObject, asString, at, isObject, optional, type JsonObject } from "./json-values";
import { severityFromName } from "./severity";
import type { FindingDraft, FindingStatus, UploadDraft } from "./upload-types";

const resultLists: [string, FindingStatus][] = [
  ["failed_checks", "failed"],
  ["passed_checks", "passed"],
  ["skipped_checks", "skipped"],
];

/** One Checkov report object, or the array Checkov prints when it scanned several frameworks. */
export function parseCheckovJson(json: unknown): UploadDraft {
  const reports = (Array.isArray(json) ? json : [json]).filter(isObject);
  const findings: FindingDraft[] = [];
  const unknownSeverities = new Set<string>();
  let version: string | undefined;
  for (const report of reports) {
    version ??= asString(at(report, "summary", "checkov_version")) ?? asString(report.checkov_version);
    for (const [list, status] of resultLists) {
      for (const check of asArray(at(report, "results", list))) {
        const finding = readCheck(asObject(check), status);
        if (!finding) continue;
        const named = asString(at(check, "severity"));
        if (named && !severityFromName(named)) unknownSeverities.add(named);
        findings.push(finding);
      }
    }
  }
  const warnings: string[] = [];
  const missingId = reports.reduce((count, report) => count + countChecksWithoutId(report), 0);
  if (missingId > 0) warnings.push(`${missingId} Checkov result(s) had no check_id and were skipped.`);
  if (unknownSeverities.size > 0) {
    warnings.push(`Unrecognised Checkov severities were recorded as unknown: ${[...unknownSeverities].join(", ")}.`);
  }
  return {
    kind: "checkov",
    format: "checkov-json",
    tool: { name: "Checkov", ...(version ? { version } : {}) },
    findings,
    components: [],
    incidents: [],
    warnings,
  };
}

function readCheck(check: JsonObject, status: FindingStatus): FindingDraft | undefined {
  const ruleId = asString(check.check_id);
  if (!ruleId) return undefined;
  const details = asObject(check.vulnerability_details);
  const file = asString(check.repo_file_path) ?? asString(check.file_path);
  const fixedVersion = asString(details.lowest_fixed_version) ?? asString(asArray(details.fixed_versions)[0]);
  return {
    ruleId,
    title: asString(check.check_name) ?? asString(check.short_description) ?? ruleId,
    severity: severityFromName(check.severity) ?? severityFromName(details.severity) ?? "unknown",
    status,
    ...optional("resource", asString(check.resource)),
    ...optional("file", file?.replace(/^\/+/, "")),
    ...optional("line", asLine(at(check, "file_line_range", 0))),
    ...optional("packageName", asString(details.package_name)),
    ...optional("installedVersion", asString(details.package_version)),
    ...optional("fixedVersion", fixedVersion),
    ...optional("vulnerabilityId", asString(details.id)),
    ...optional("cvss", asNumber(details.cvss)),
    ...optional("url", asString(check.guideline) ?? asString(details.link)),
  };
}

function countChecksWithoutId(report: JsonObject): number {
  return resultLists.flatMap(([list]) => asArray(at(report, "results", list))).filter((check) => !asString(at(check, "check_id")))
    .length;
}
