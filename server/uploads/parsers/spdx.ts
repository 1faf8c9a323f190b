import { asArray, asObject, asString, at, optional, type JsonObject } from "./json-values";
import type { FormatReader } from "./format-reader";
import type { SbomComponent } from "./upload-types";

// SPDX's placeholders for "nobody checked" and "there is none": neither names a licence.
const noValue = new Set(["NOASSERTION", "NONE"]);

export const readSpdx: FormatReader = (outline, _hint, sink) => {
  const doc = asObject(outline.doc);
  let skipped = 0;
  return {
    header: {
      kind: "sbom",
      format: "spdx-json",
      tool: readCreatorTool(doc),
      ...optional("specVersion", asString(doc.spdxVersion)),
    },
    selectors: ["packages.*"],
    item(_selector, value) {
      const component = readPackage(value);
      if (component) sink.component(component);
      else skipped++;
    },
    finish() {
      if (skipped > 0) sink.warn(`${skipped} SPDX package(s) had no name and were skipped.`);
    },
  };
};

function readPackage(raw: unknown): SbomComponent | undefined {
  const name = asString(at(raw, "name"));
  if (!name) return undefined;
  const purl = asArray(at(raw, "externalRefs"))
    .filter((ref) => asString(at(ref, "referenceType"))?.toLowerCase() === "purl")
    .map((ref) => asString(at(ref, "referenceLocator")))
    .find(Boolean);
  // The concluded licence is what a reviewer settled on; the declared one is the fallback.
  const license = [at(raw, "licenseConcluded"), at(raw, "licenseDeclared")]
    .map((value) => asString(value))
    .find((value) => value !== undefined && !noValue.has(value));
  const purpose = asString(at(raw, "primaryPackagePurpose"));
  return {
    ...optional("purl", purl),
    name,
    ...optional("version", asString(at(raw, "versionInfo"))),
    ...optional("type", purpose?.toLowerCase()),
    licenses: license ? [license] : [],
    ...optional("supplier", readParty(at(raw, "supplier"))),
  };
}

/** "Organization: ACT Project" → "ACT Project". */
function readParty(value: unknown): string | undefined {
  const text = asString(value);
  if (!text || noValue.has(text)) return undefined;
  return text.replace(/^(Organization|Person|Tool):\s*/i, "").trim() || undefined;
}

// Creators read like "Tool: syft-1.4.1"; the version is whatever follows the last hyphen
// before a digit.
function readCreatorTool(doc: JsonObject): { name: string; version?: string } {
  const creator = asArray(at(doc, "creationInfo", "creators"))
    .map((value) => asString(value) ?? "")
    .find((value) => /^Tool:/i.test(value));
  if (!creator) return { name: "unknown SBOM generator" };
  const tool = creator.replace(/^Tool:\s*/i, "");
  const match = /^(.+)-(v?\d[\w.+-]*)$/.exec(tool);
  return match ? { name: match[1]!, version: match[2]! } : { name: tool };
}
