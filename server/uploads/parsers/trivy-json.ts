import { asLine, asNumber, asObject, asString, at, optional, type JsonObject } from "./json-values";
import { severityFromName } from "./severity";
import type { JsonPath } from "~/server/uploads/json/selectors";
import type { FormatReader } from "./format-reader";
import type { FindingDraft, FindingStatus, Severity } from "./upload-types";

const misconfigurationStatus: Record<string, FindingStatus> = { FAIL: "failed", PASS: "passed", EXCEPTION: "skipped" };

export const readTrivyJson: FormatReader = (outline, _hint, sink) => {
  const doc = asObject(outline.doc);
  const artifact = asString(doc.ArtifactName);
  let licenses = 0;
  // The outline holds each Result's Target; its lists arrive item by item.
  const targetOf = (path: JsonPath) => asString(at(doc, "Results", path[1] as number, "Target"));
  const version = asString(at(doc, "Trivy", "Version"));
  return {
    header: {
      kind: "trivy",
      format: "trivy-json",
      tool: { name: "Trivy", ...(version ? { version } : {}) },
      ...optional("specVersion", asString(doc.SchemaVersion)),
    },
    selectors: ["Results.*.Vulnerabilities.*", "Results.*.Misconfigurations.*", "Results.*.Secrets.*", "Results.*.Licenses.*"],
    item(selector, value, path) {
      const target = targetOf(path);
      const item = asObject(value);
      let finding: FindingDraft | undefined;
      if (selector === "Results.*.Vulnerabilities.*") {
        finding = readVulnerability(item, { ...optional("file", target), ...optional("resource", artifact) });
      } else if (selector === "Results.*.Misconfigurations.*") {
        finding = readMisconfiguration(item, target);
      } else if (selector === "Results.*.Secrets.*") {
        finding = readSecret(item, target);
      } else {
        licenses++;
      }
      if (finding) sink.finding(finding);
    },
    finish() {
      if (licenses > 0) sink.warn(`${licenses} Trivy license finding(s) were ignored; upload an SBOM to track licences.`);
    },
  };
};

// The secret's Match text is deliberately left out: it holds (part of) the secret.
function readSecret(secret: JsonObject, target: string | undefined): FindingDraft | undefined {
  const ruleId = asString(secret.RuleID);
  if (!ruleId) return undefined;
  return {
    ruleId,
    title: asString(secret.Title) ?? ruleId,
    severity: readSeverity(secret.Severity),
    status: "failed",
    ...optional("file", target),
    ...optional("line", asLine(secret.StartLine)),
  };
}

function readVulnerability(vulnerability: JsonObject, place: { file?: string; resource?: string }): FindingDraft | undefined {
  const id = asString(vulnerability.VulnerabilityID);
  if (!id) return undefined;
  const packageName = asString(vulnerability.PkgName);
  return {
    ruleId: id,
    title: asString(vulnerability.Title) ?? `${id} in ${packageName ?? "a package"}`,
    severity: readSeverity(vulnerability.Severity),
    status: "failed",
    ...place,
    ...optional("packageName", packageName),
    ...optional("installedVersion", asString(vulnerability.InstalledVersion)),
    ...optional("fixedVersion", asString(vulnerability.FixedVersion)),
    vulnerabilityId: id,
    ...optional("cvss", readCvss(vulnerability.CVSS)),
    ...optional("url", asString(vulnerability.PrimaryURL)),
  };
}

function readMisconfiguration(misconfiguration: JsonObject, target: string | undefined): FindingDraft | undefined {
  const ruleId = asString(misconfiguration.AVDID) ?? asString(misconfiguration.ID);
  if (!ruleId) return undefined;
  const cause = asObject(misconfiguration.CauseMetadata);
  return {
    ruleId,
    title: asString(misconfiguration.Title) ?? asString(misconfiguration.Message) ?? ruleId,
    severity: readSeverity(misconfiguration.Severity),
    status: misconfigurationStatus[asString(misconfiguration.Status) ?? "FAIL"] ?? "failed",
    ...optional("resource", asString(cause.Resource)),
    ...optional("file", target),
    ...optional("line", asLine(cause.StartLine)),
    ...optional("url", asString(misconfiguration.PrimaryURL)),
  };
}

function readSeverity(value: unknown): Severity {
  return severityFromName(value) ?? "unknown";
}

// Trivy lists scores per source (nvd, redhat, ghsa…); NVD's v3 score is the common reference.
function readCvss(value: unknown): number | undefined {
  const sources = asObject(value);
  const nvd = asNumber(at(sources, "nvd", "V3Score"));
  if (nvd !== undefined) return nvd;
  const scores = Object.values(sources).map((source) => asNumber(at(source, "V3Score")) ?? asNumber(at(source, "V2Score")));
  return scores.find((score) => score !== undefined);
}
