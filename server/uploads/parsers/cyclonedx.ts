import { asArray, asNumber, asObject, asString, at, optional, setDefined, type JsonObject } from "./json-values";
import { mostSevere, severityFromName } from "./severity";
import type { FormatReader } from "./format-reader";
import type { FindingDraft, FindingStatus, SbomComponent } from "./upload-types";

// Nesting this deep only happens in a malformed or hostile file; stop rather than overflow.
const maxNesting = 64;

// Vulnerabilities name the components they affect by bom-ref, so they are read after the last
// component: only each component's name and version are kept for that, not the component.
export const readCycloneDx: FormatReader = (outline, _hint, sink) => {
  const doc = asObject(outline.doc);
  const byRef = new Map<string, Pick<SbomComponent, "name" | "version">>();
  const vulnerabilities: JsonObject[] = [];
  let tooDeep = false;
  const visit = (raw: JsonObject, depth: number) => {
    if (depth > maxNesting) {
      tooDeep = true;
      return;
    }
    const component = readComponent(raw);
    if (component) {
      sink.component(component);
      const ref = asString(raw["bom-ref"]);
      if (ref) byRef.set(ref, component);
    }
    for (const child of asArray(raw.components)) visit(asObject(child), depth + 1);
  };
  const subject = asObject(at(doc, "metadata", "component"));
  const subjectRef = asString(subject["bom-ref"]);
  const subjectComponent = readComponent(subject);
  return {
    header: {
      kind: "sbom",
      format: "cyclonedx-json",
      tool: readTool(doc),
      ...optional("specVersion", asString(doc.specVersion)),
    },
    selectors: ["components.*", "vulnerabilities.*"],
    item(selector, value) {
      if (selector === "components.*") visit(asObject(value), 0);
      else vulnerabilities.push(compactVulnerability(asObject(value)));
    },
    finish() {
      if (tooDeep) sink.warn(`Components nested more than ${maxNesting} levels deep were ignored.`);
      if (subjectRef && subjectComponent) byRef.set(subjectRef, subjectComponent);
      for (const vulnerability of vulnerabilities)
        for (const finding of readVulnerability(vulnerability, byRef)) sink.finding(finding);
    },
  };
};

// Only what readVulnerability reads: an SBOM's vulnerabilities carry long descriptions.
function compactVulnerability(raw: JsonObject): JsonObject {
  const description = asString(raw.description)?.split("\n")[0]?.slice(0, 200);
  return {
    id: raw.id,
    ...optional("description", description),
    ratings: raw.ratings,
    analysis: raw.analysis,
    source: raw.source,
    advisories: asArray(raw.advisories).slice(0, 1),
    affects: raw.affects,
  };
}

function readComponent(raw: JsonObject): SbomComponent | undefined {
  const name = asString(raw.name);
  if (!name) return undefined;
  const component: SbomComponent = { name, licenses: readLicenses(raw.licenses) };
  setDefined(component, "purl", asString(raw.purl));
  setDefined(component, "version", asString(raw.version));
  setDefined(component, "type", asString(raw.type));
  setDefined(component, "supplier", asString(at(raw, "supplier", "name")) ?? asString(raw.publisher));
  return component;
}

/** Both shapes CycloneDX allows: [{license: {id | name}}] and [{expression}]. */
function readLicenses(value: unknown): string[] {
  const licenses: string[] = [];
  for (const entry of asArray(value)) {
    const license =
      asString(at(entry, "expression")) ?? asString(at(entry, "license", "id")) ?? asString(at(entry, "license", "name"));
    if (license !== undefined && !licenses.includes(license)) licenses.push(license);
  }
  return licenses;
}

// CycloneDX 1.2–1.4 list tools as an array; 1.5 and later as {components, services}.
function readTool(doc: JsonObject): { name: string; version?: string } {
  const tools = at(doc, "metadata", "tools");
  const first = asArray(tools)[0] ?? asArray(at(tools, "components"))[0] ?? asArray(at(tools, "services"))[0];
  const name = asString(at(first, "name"));
  if (!name) return { name: "unknown SBOM generator" };
  return { name, ...optional("version", asString(at(first, "version"))) };
}

const analysisStatus: Record<string, FindingStatus> = {
  resolved: "passed",
  resolved_with_pedigree: "passed",
  not_affected: "skipped",
  false_positive: "skipped",
};

function readVulnerability(
  vulnerability: JsonObject,
  byRef: Map<string, Pick<SbomComponent, "name" | "version">>,
): FindingDraft[] {
  const id = asString(vulnerability.id);
  if (!id) return [];
  const ratings = asArray(vulnerability.ratings).map(asObject);
  const severities = ratings.map((rating) => severityFromName(rating.severity)).filter((severity) => severity !== undefined);
  const scores = ratings
    .filter((rating) => /^CVSS/i.test(asString(rating.method) ?? ""))
    .map((rating) => asNumber(rating.score))
    .filter((score): score is number => score !== undefined);
  const base: FindingDraft = {
    ruleId: id,
    title: asString(vulnerability.description)?.split("\n")[0]?.slice(0, 200) ?? id,
    severity: severities.length > 0 ? mostSevere(severities) : "unknown",
    status: analysisStatus[asString(at(vulnerability, "analysis", "state")) ?? ""] ?? "failed",
    vulnerabilityId: id,
    ...optional("cvss", scores.length > 0 ? Math.max(...scores) : undefined),
    ...optional("url", asString(at(vulnerability, "source", "url")) ?? asString(at(vulnerability, "advisories", 0, "url"))),
  };
  const refs = asArray(vulnerability.affects).map((affect) => asString(at(affect, "ref")));
  if (refs.length === 0) return [base];
  return refs.map((ref) => {
    const component = ref === undefined ? undefined : byRef.get(ref);
    return {
      ...base,
      ...optional("packageName", component?.name),
      ...optional("installedVersion", component?.version),
      ...optional("resource", component ? undefined : ref),
    };
  });
}
