import { asArray, asNumber, asObject, asString, at, optional } from "./json-values";
import type { FormatReader } from "./format-reader";
import { severityFromName } from "./severity";

// Grype writes its matches before the source they were found in; the outline has read the
// source by the time the matches arrive.
export const readGrypeJson: FormatReader = (outline, _hint, sink) => {
  const doc = asObject(outline.doc);
  const resource = scannedTarget(doc.source);
  let withoutId = 0;
  const version = asString(at(doc, "descriptor", "version"));
  return {
    header: {
      kind: "grype",
      format: "grype-json",
      tool: { name: asString(at(doc, "descriptor", "name")) ?? "grype", ...(version ? { version } : {}) },
    },
    selectors: ["matches.*"],
    item(_selector, value) {
      const match = asObject(value);
      const vulnerability = asObject(match.vulnerability);
      const artifact = asObject(match.artifact);
      const id = asString(vulnerability.id);
      if (!id) {
        withoutId++;
        return;
      }
      const name = asString(artifact.name);
      const artifactVersion = asString(artifact.version);
      sink.finding({
        ruleId: id,
        title: `${id} in ${[name ?? "a package", artifactVersion].filter(Boolean).join(" ")}`,
        severity: severityFromName(vulnerability.severity) ?? "unknown",
        status: "failed",
        ...optional("resource", resource),
        ...optional("file", asString(at(artifact, "locations", 0, "path"))),
        ...optional("packageName", name),
        ...optional("installedVersion", artifactVersion),
        ...optional("fixedVersion", asString(at(vulnerability, "fix", "versions", 0))),
        vulnerabilityId: id,
        ...optional("cvss", highestCvss(vulnerability) ?? asArray(match.relatedVulnerabilities).map(highestCvss).find(Boolean)),
        ...optional("url", asString(vulnerability.dataSource) ?? asString(at(vulnerability, "urls", 0))),
      });
    },
    finish() {
      if (withoutId > 0) sink.warn(`${withoutId} Grype match(es) had no vulnerability id and were skipped.`);
    },
  };
};

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
