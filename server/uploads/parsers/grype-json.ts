import { asArray, asNumber, asObject, asString, at, optional, type JsonObject } from "./json-values";
import { severityFromName } from "./severity";
import type { FindingDraft, UploadDraft } from "./upload-types";

export function parseGrypeJson(doc: JsonObject): UploadDraft {
  const findings: FindingDraft[] = [];
  const resource = scannedTarget(doc.source);
  let withoutId = 0;
  for (const match of asArray(doc.matches).map(asObject)) {
    const vulnerability = asObject(match.vulnerability);
    const artifact = asObject(match.artifact);
    const id = asString(vulnerability.id);
    if (!id) {
      withoutId++;
      continue;
    }
    const name = asString(artifact.name);
    const version = asString(artifact.version);
    findings.push({
      ruleId: id,
      title: `${id} in ${[name ?? "a package", version].filter(Boolean).join(" ")}`,
      severity: severityFromName(vulnerability.severity) ?? "unknown",
      status: "failed",
      ...optional("resource", resource),
      ...optional("file", asString(at(artifact, "locations", 0, "path"))),
      ...optional("packageName", name),
      ...optional("installedVersion", version),
      ...optional("fixedVersion", asString(at(vulnerability, "fix", "versions", 0))),
      vulnerabilityId: id,
      ...optional("cvss", highestCvss(vulnerability) ?? asArray(match.relatedVulnerabilities).map(highestCvss).find(Boolean)),
      ...optional("url", asString(vulnerability.dataSource) ?? asString(at(vulnerability, "urls", 0))),
    });
  }
  const version = asString(at(doc, "descriptor", "version"));
  return {
    kind: "grype",
    format: "grype-json",
    tool: { name: asString(at(doc, "descriptor", "name")) ?? "grype", ...(version ? { version } : {}) },
    findings,
    components: [],
    incidents: [],
    warnings: withoutId > 0 ? [`${withoutId} Grype match(es) had no vulnerability id and were skipped.`] : [],
  };
}

function highestCvss(vulnerability: unknown): number | undefined {
  const scores = asArray(at(vulnerability, "cvss"))
    .map((cvss) => asNumber(at(cvss, "metrics", "baseScore")))
    .filter((score): score is number => score !== undefined);
  return scores.length > 0 ? Math.max(...scores) : undefined;
}

// The image reference without its digest, so rebuilding the same tag keeps finding identities.
function scannedTarget(source: unknown): string | undefined {
  const target = at(source, "target");
  const name = asString(at(target, "userInput")) ?? asString(target);
  return name?.replace(/@sha256:[0-9a-f]+$/i, "");
}
