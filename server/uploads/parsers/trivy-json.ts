import { asArray, asLine, asNumber, asObject, asString, at, optional, type JsonObject } from "./json-values";
import { severityFromName } from "./severity";
import type { FindingDraft, FindingStatus, Severity, UploadDraft } from "./upload-types";

const misconfigurationStatus: Record<string, FindingStatus> = { FAIL: "failed", PASS: "passed", EXCEPTION: "skipped" };

export function parseTrivyJson(doc: JsonObject): UploadDraft {
  const findings: FindingDraft[] = [];
  const warnings: string[] = [];
  const artifact = asString(doc.ArtifactName);
  let licenses = 0;
  for (const result of asArray(doc.Results).map(asObject)) {
    const target = asString(result.Target);
    const place = { ...optional("file", target), ...optional("resource", artifact) };
    for (const vulnerability of asArray(result.Vulnerabilities).map(asObject)) {
      const finding = readVulnerability(vulnerability, place);
      if (finding) findings.push(finding);
    }
    for (const misconfiguration of asArray(result.Misconfigurations).map(asObject)) {
      const finding = readMisconfiguration(misconfiguration, target);
      if (finding) findings.push(finding);
    }
    for (const secret of asArray(result.Secrets).map(asObject)) {
      const ruleId = asString(secret.RuleID);
      if (!ruleId) continue;
      // The secret's Match text is deliberately left out: it holds (part of) the secret.
      findings.push({
        ruleId,
        title: asString(secret.Title) ?? ruleId,
        severity: readSeverity(secret.Severity),
        status: "failed",
        ...optional("file", target),
        ...optional("line", asLine(secret.StartLine)),
      });
    }
    licenses += asArray(result.Licenses).length;
  }
  if (licenses > 0) warnings.push(`${licenses} Trivy license finding(s) were ignored; upload an SBOM to track licences.`);
  const version = asString(at(doc, "Trivy", "Version"));
  return {
    kind: "trivy",
    format: "trivy-json",
    tool: { name: "Trivy", ...(version ? { version } : {}) },
    ...optional("specVersion", asString(doc.SchemaVersion)),
    findings,
    components: [],
    incidents: [],
    warnings,
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
