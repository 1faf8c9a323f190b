import { asArray, asLine, asNumber, asObject, asString, at, isObject, optional, type JsonObject } from "./json-values";
import { severityFromName } from "./severity";
import type { FormatReader } from "./format-reader";
import type { FindingDraft, FindingStatus } from "./upload-types";

const resultLists: [string, FindingStatus][] = [
  ["failed_checks", "failed"],
  ["passed_checks", "passed"],
  ["skipped_checks", "skipped"],
];

/** One Checkov report object, or the array Checkov prints when it scanned several frameworks. */
export const readCheckovJson: FormatReader = (outline, _hint, sink) => {
  const isArray = Array.isArray(outline.doc);
  const reports = (isArray ? (outline.doc as unknown[]) : [outline.doc]).filter(isObject);
  let version: string | undefined;
  for (const report of reports)
    version ??= asString(at(report, "summary", "checkov_version")) ?? asString(report.checkov_version);
  const unknownSeverities = new Set<string>();
  let missingId = 0;
  const prefix = isArray ? "*.results." : "results.";
  return {
    header: { kind: "checkov", format: "checkov-json", tool: { name: "Checkov", ...(version ? { version } : {}) } },
    selectors: resultLists.map(([list]) => `${prefix}${list}.*`),
    item(selector, value) {
      const status = resultLists.find(([list]) => selector.endsWith(`.${list}.*`))![1];
      const check = asObject(value);
      const finding = readCheck(check, status);
      if (!finding) {
        missingId++;
        return;
      }
      const named = asString(check.severity);
      if (named && !severityFromName(named)) unknownSeverities.add(named);
      sink.finding(finding);
    },
    finish() {
      if (missingId > 0) sink.warn(`${missingId} Checkov result(s) had no check_id and were skipped.`);
      if (unknownSeverities.size > 0) {
        sink.warn(`Unrecognised Checkov severities were recorded as unknown: ${[...unknownSeverities].join(", ")}.`);
      }
    },
  };
};

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
