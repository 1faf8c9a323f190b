import { fingerprintOf } from "./fingerprint";
import type { Finding, ParsedUpload, Severity, UploadDraft } from "./upload-types";

export function buildUpload(draft: UploadDraft): ParsedUpload {
  const warnings = [...draft.warnings];
  const findings = withFingerprints(draft, warnings);
  const bySeverity: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0, unknown: 0 };
  let failed = 0;
  let passed = 0;
  for (const finding of findings) {
    if (finding.status === "failed") {
      failed++;
      bySeverity[finding.severity]++;
    } else if (finding.status === "passed") passed++;
  }
  return {
    kind: draft.kind,
    format: draft.format,
    tool: draft.tool,
    ...(draft.specVersion === undefined ? {} : { specVersion: draft.specVersion }),
    findings,
    components: draft.components,
    incidents: draft.incidents,
    summary: {
      findings: findings.length,
      failed,
      passed,
      bySeverity,
      components: draft.components.length,
      incidents: draft.incidents.length,
    },
    warnings,
  };
}

// Some tools report the same rule at the same place twice (for example one CVE found in two
// image layers). Numbering repeats in file order keeps every fingerprint distinct and still
// stable from one upload to the next.
function withFingerprints(draft: UploadDraft, warnings: string[]): Finding[] {
  const seen = new Map<string, number>();
  let repeats = 0;
  const findings = draft.findings.map((finding) => {
    const base = fingerprintOf(draft.tool.name, finding);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    if (count > 1) repeats++;
    return { fingerprint: count === 1 ? base : `${base}-${count}`, ...finding };
  });
  if (repeats > 0) {
    warnings.push(`${repeats} finding(s) repeat an earlier one (same rule, location and package); they were kept and numbered.`);
  }
  return findings;
}
