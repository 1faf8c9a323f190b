import { AppError } from "~/server/errors";
import { asArray, asString, at, type JsonObject } from "./json-values";
import type { UploadKind } from "./upload-types";

type ScannerKind = "checkov" | "trivy" | "grype";

const scannerKinds: readonly UploadKind[] = ["checkov", "trivy", "grype"];

export function sarifTool(doc: JsonObject): { name: string; version?: string; informationUri?: string } {
  const driver = at(asArray(doc.runs)[0], "tool", "driver");
  const name = asString(at(driver, "name")) ?? "(unnamed tool)";
  const version = asString(at(driver, "version")) ?? asString(at(driver, "semanticVersion"));
  const informationUri = asString(at(driver, "informationUri"));
  return { name, ...(version ? { version } : {}), ...(informationUri ? { informationUri } : {}) };
}

// Checkov names itself "Prisma Cloud" when it runs with a Prisma Cloud API key, and Grype's
// GitHub action has published SARIF as "Anchore Grype Scan".
export function knownScanner(name: string, informationUri = ""): ScannerKind | undefined {
  const text = `${name} ${informationUri}`;
  if (/checkov|prisma cloud|bridgecrew/i.test(text)) return "checkov";
  if (/trivy/i.test(text)) return "trivy";
  if (/grype/i.test(text)) return "grype";
  return undefined;
}

/** The kind a SARIF upload counts as: the tool that wrote it, else the caller's hint. */
export function sarifKind(doc: JsonObject, hint?: UploadKind): UploadKind {
  if (asArray(doc.runs).length === 0) {
    if (hint && scannerKinds.includes(hint)) return hint;
    throw new AppError("BAD_REQUEST", "The SARIF file has no runs, so it names no tool. Upload the SARIF the scanner wrote.");
  }
  const tool = sarifTool(doc);
  const known = knownScanner(tool.name, tool.informationUri);
  if (known) return known;
  if (hint && scannerKinds.includes(hint)) return hint;
  if (hint) {
    throw new AppError(
      "BAD_REQUEST",
      `SARIF from "${tool.name}" cannot be uploaded as ${hint}; SARIF is accepted for checkov, trivy or grype.`,
    );
  }
  throw new AppError(
    "BAD_REQUEST",
    `SARIF from "${tool.name}" is not a scanner Ladder knows (Checkov, Trivy, Grype). Say which kind it is (checkov, trivy or grype) when uploading to import it as that kind.`,
  );
}
