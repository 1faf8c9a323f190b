import { asArray, asLine, asNumber, asObject, asString, at, optional, setDefined, type JsonObject } from "./json-values";
import { findAdvisoryId, markdownLinkTarget, readLabelledLines } from "./sarif-text";
import { knownScanner, sarifKind, sarifTool } from "./sarif-tool";
import { severityFromName, severityFromSarifLevel, severityFromScore } from "./severity";
import { listLength, type FormatReader } from "./format-reader";
import type { FindingDraft, FindingStatus, Severity } from "./upload-types";

// What a result needs of its rule, read once per rule: Trivy and Grype repeat a rule's help
// text for every result, and reading it per result would cost as much as the results.
interface Rule {
  id?: string;
  title?: string;
  help: Map<string, string>;
  helpUri?: string;
  cvss?: number;
  securitySeverity?: number;
  tags: unknown[];
  level?: string;
}

interface Run {
  rules: Rule[];
  byId: Map<string, Rule>;
  expectedRules: number;
  // Results that came before their run's rules (the file lists results first): read at the end.
  waiting: { result: JsonObject }[];
}

export const readSarif: FormatReader = (outline, hint, sink) => {
  const doc = asObject(outline.doc);
  const kind = sarifKind(doc, hint);
  const firstTool = sarifTool(doc);
  const isCheckov = knownScanner(firstTool.name, firstTool.informationUri) === "checkov";
  const runs = new Map<number, Run>();
  let withoutRule = 0;
  const runAt = (index: number): Run => {
    let run = runs.get(index);
    if (!run) {
      run = {
        rules: [],
        byId: new Map(),
        expectedRules: listLength(outline, ["runs", index, "tool", "driver", "rules"]),
        waiting: [],
      };
      runs.set(index, run);
    }
    return run;
  };
  const readOne = (run: Run, result: JsonObject) => {
    const ruleIndex = asNumber(at(result, "ruleIndex")) ?? asNumber(at(result, "rule", "index"));
    const indexedRule = ruleIndex === undefined ? undefined : run.rules[ruleIndex];
    const ruleId = asString(at(result, "ruleId")) ?? asString(at(result, "rule", "id")) ?? indexedRule?.id;
    if (!ruleId) {
      withoutRule++;
      return;
    }
    sink.finding(readResult(result, run.byId.get(ruleId) ?? indexedRule ?? emptyRule, ruleId, isCheckov));
  };
  const outlineRuns = asArray(doc.runs);
  if (outlineRuns.length > 1 && outlineRuns.some((run) => asString(at(run, "tool", "driver", "name")) !== firstTool.name)) {
    sink.warn(`The SARIF file has runs from several tools; all were imported as ${firstTool.name} (${kind}).`);
  }
  return {
    header: {
      kind,
      format: "sarif",
      tool: { name: firstTool.name, ...(firstTool.version ? { version: firstTool.version } : {}) },
      ...optional("specVersion", asString(doc.version)),
    },
    selectors: ["runs.*.tool.driver.rules.*", "runs.*.results.*"],
    item(selector, value, path) {
      const run = runAt(path[1] as number);
      if (selector === "runs.*.tool.driver.rules.*") {
        const rule = compactRule(asObject(value));
        run.rules.push(rule);
        if (rule.id) run.byId.set(rule.id, rule); // a repeated id: the later rule wins, as in a Map of the list
      } else if (run.rules.length < run.expectedRules) {
        run.waiting.push({ result: asObject(value) });
      } else {
        readOne(run, asObject(value));
      }
    },
    finish() {
      for (const run of runs.values()) for (const { result } of run.waiting.splice(0)) readOne(run, result);
      if (withoutRule > 0) sink.warn(`${withoutRule} SARIF result(s) named no rule and were skipped.`);
    },
  };
};

const emptyRule: Rule = { help: new Map(), tags: [] };

function compactRule(rule: JsonObject): Rule {
  return {
    ...optional("id", asString(rule.id)),
    ...optional("title", asString(at(rule, "shortDescription", "text")) ?? asString(rule.name)),
    help: readLabelledLines(asString(at(rule, "help", "text"))),
    ...optional("helpUri", asString(rule.helpUri)),
    ...optional("cvss", asNumber(at(rule, "properties", "cvssv3_baseScore"))),
    ...optional("securitySeverity", asNumber(at(rule, "properties", "security-severity"))),
    tags: asArray(at(rule, "properties", "tags")),
    ...optional("level", asString(at(rule, "defaultConfiguration", "level"))),
  };
}

function readResult(result: JsonObject, rule: Rule, ruleId: string, isCheckov: boolean): FindingDraft {
  const message = asString(at(result, "message", "text"));
  const fields = readLabelledLines(message);
  for (const [key, value] of rule.help) if (!fields.has(key)) fields.set(key, value);
  const location = at(result, "locations", 0, "physicalLocation");
  const uri = asString(at(location, "artifactLocation", "uri"));
  const line = asLine(at(location, "region", "startLine"));
  const vulnerabilityId = findAdvisoryId(fields.get("vulnerability"), ruleId);
  const cvss = rule.cvss ?? asNumber(at(result, "properties", "cvssv3_baseScore"));
  // The "Link:" line points at the advisory; Grype's helpUri is only its project page.
  const url = markdownLinkTarget(fields.get("link")) ?? rule.helpUri;
  const title = rule.title ?? message?.split("\n")[0]?.trim() ?? ruleId;
  const finding: FindingDraft = {
    ruleId,
    title,
    severity: readSeverity(result, rule, fields, isCheckov),
    status: readStatus(result),
  };
  setDefined(finding, "file", uri === undefined ? undefined : decodeUri(uri));
  setDefined(finding, "line", line);
  setDefined(finding, "packageName", fields.get("package"));
  setDefined(finding, "installedVersion", fields.get("installed version") ?? fields.get("version"));
  setDefined(finding, "fixedVersion", fields.get("fixed version") ?? fields.get("fix version"));
  setDefined(finding, "vulnerabilityId", vulnerabilityId);
  setDefined(finding, "cvss", cvss);
  setDefined(finding, "url", url);
  return finding;
}

// The tool's own severity word comes first, so SARIF and JSON from the same scan agree (Grype
// puts the CVSS score in security-severity even when its vendor rates the issue Low).
function readSeverity(result: JsonObject, rule: Rule, fields: Map<string, string>, isCheckov: boolean): Severity {
  const tags = [...asArray(at(result, "properties", "tags")), ...rule.tags];
  const named = severityFromName(fields.get("severity")) ?? tags.map(severityFromName).find((severity) => severity !== undefined);
  if (named) return named;
  const score = asNumber(at(result, "properties", "security-severity")) ?? rule.securitySeverity;
  const scored = severityFromScore(score);
  if (scored) return scored;
  // Checkov writes level "error" for every failed check that has no severity (open-source
  // Checkov has none), so its level says nothing about how severe the problem is.
  if (isCheckov) return "unknown";
  return severityFromSarifLevel(asString(result.level) ?? rule.level);
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
