import { asArray, asLine, asNumber, asObject, asString, at, optional, type JsonObject } from "./json-values";
import { findAdvisoryId, markdownLinkTarget, readLabelledLines } from "./sarif-text";
import { knownScanner, sarifTool } from "./sarif-tool";
import { severityFromName, severityFromSarifLevel, severityFromScore } from "./severity";
import type { FindingDraft, FindingStatus, Severity, UploadDraft, UploadKind } from "./upload-types";

export function parseSarif(doc: JsonObject, kind: UploadKind): UploadDraft {
  const findings: FindingDraft[] = [];
  const warnings: string[] = [];
  let withoutRule = 0;
  const runs = asArray(doc.runs);
  const firstTool = sarifTool(doc);
  const isCheckov = knownScanner(firstTool.name, firstTool.informationUri) === "checkov";
  for (const run of runs) {
    const rules = asArray(at(run, "tool", "driver", "rules"));
    const rulesById = new Map(rules.map((rule) => [asString(at(rule, "id")) ?? "", asObject(rule)]));
    for (const result of asArray(at(run, "results"))) {
      const ruleIndex = asNumber(at(result, "ruleIndex")) ?? asNumber(at(result, "rule", "index"));
      const indexedRule = ruleIndex === undefined ? undefined : asObject(rules[ruleIndex]);
      const ruleId = asString(at(result, "ruleId")) ?? asString(at(result, "rule", "id")) ?? asString(indexedRule?.id);
      if (!ruleId) {
        withoutRule++;
        continue;
      }
      const rule = rulesById.get(ruleId) ?? indexedRule ?? {};
      findings.push(readResult(asObject(result), rule, ruleId, isCheckov));
    }
  }
  if (runs.length > 1 && runs.some((run) => asString(at(run, "tool", "driver", "name")) !== firstTool.name)) {
    warnings.push(`The SARIF file has runs from several tools; all were imported as ${firstTool.name} (${kind}).`);
  }
  if (withoutRule > 0) warnings.push(`${withoutRule} SARIF result(s) named no rule and were skipped.`);
  return {
    kind,
    format: "sarif",
    tool: { name: firstTool.name, ...(firstTool.version ? { version: firstTool.version } : {}) },
    specVersion: asString(doc.version),
    findings,
    components: [],
    incidents: [],
    warnings,
  };
}

function readResult(result: JsonObject, rule: JsonObject, ruleId: string, isCheckov: boolean): FindingDraft {
  const message = asString(at(result, "message", "text"));
  const fields = readLabelledLines(message, asString(at(rule, "help", "text")));
  const location = at(result, "locations", 0, "physicalLocation");
  const uri = asString(at(location, "artifactLocation", "uri"));
  const line = asLine(at(location, "region", "startLine"));
  const vulnerabilityId = findAdvisoryId(fields.get("vulnerability"), ruleId);
  const cvss = asNumber(at(rule, "properties", "cvssv3_baseScore")) ?? asNumber(at(result, "properties", "cvssv3_baseScore"));
  // The "Link:" line points at the advisory; Grype's helpUri is only its project page.
  const url = markdownLinkTarget(fields.get("link")) ?? asString(rule.helpUri);
  const title =
    asString(at(rule, "shortDescription", "text")) ?? asString(rule.name) ?? message?.split("\n")[0]?.trim() ?? ruleId;
  return {
    ruleId,
    title,
    severity: readSeverity(result, rule, fields, isCheckov),
    status: readStatus(result),
    ...optional("file", uri === undefined ? undefined : decodeUri(uri)),
    ...optional("line", line),
    ...optional("packageName", fields.get("package")),
    ...optional("installedVersion", fields.get("installed version") ?? fields.get("version")),
    ...optional("fixedVersion", fields.get("fixed version") ?? fields.get("fix version")),
    ...optional("vulnerabilityId", vulnerabilityId),
    ...optional("cvss", cvss),
    ...optional("url", url),
  };
}

// The tool's own severity word comes first, so SARIF and JSON from the same scan agree (Grype
// puts the CVSS score in security-severity even when its vendor rates the issue Low).
function readSeverity(result: JsonObject, rule: JsonObject, fields: Map<string, string>, isCheckov: boolean): Severity {
  const tags = [...asArray(at(result, "properties", "tags")), ...asArray(at(rule, "properties", "tags"))];
  const named = severityFromName(fields.get("severity")) ?? tags.map(severityFromName).find((severity) => severity !== undefined);
  if (named) return named;
  const score = asNumber(at(result, "properties", "security-severity")) ?? asNumber(at(rule, "properties", "security-severity"));
  const scored = severityFromScore(score);
  if (scored) return scored;
  // Checkov writes level "error" for every failed check that has no severity (open-source
  // Checkov has none), so its level says nothing about how severe the problem is.
  if (isCheckov) return "unknown";
  return severityFromSarifLevel(asString(result.level) ?? asString(at(rule, "defaultConfiguration", "level")));
}

function readStatus(result: JsonObject): FindingStatus {
  const suppressions = asArray(result.suppressions);
  if (suppressions.some((suppression) => asString(at(suppression, "status")) !== "rejected")) return "skipped";
  const kind = asString(result.kind);
  if (kind === "pass") return "passed";
  if (kind === "notApplicable" || kind === "informational") return "skipped";
  return "failed";
}

function decodeUri(uri: string): string {
  const path = uri.replace(/^file:\/\//, "");
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
