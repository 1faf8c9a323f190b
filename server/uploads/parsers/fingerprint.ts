import { createHash } from "node:crypto";
import type { FindingDraft } from "./upload-types";

// Line numbers move whenever code above them changes, so a named resource identifies a
// finding's place better; the line only counts when the tool names no resource.
export function fingerprintOf(toolName: string, finding: FindingDraft): string {
  const identity = [
    toolName.toLowerCase(),
    finding.ruleId,
    normalisePath(finding.file),
    finding.resource ?? (finding.line === undefined ? "" : String(finding.line)),
    finding.packageName ?? "",
    finding.vulnerabilityId ?? "",
  ];
  return createHash("sha256").update(JSON.stringify(identity)).digest("hex");
}

function normalisePath(file: string | undefined): string {
  return (file ?? "").replace(/\\/g, "/").replace(/^(\.\/|\/)+/, "");
}
