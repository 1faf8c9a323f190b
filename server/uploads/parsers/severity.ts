import type { Severity } from "./upload-types";

export const severityLevels: readonly Severity[] = ["critical", "high", "medium", "low", "info", "unknown"];

const namedSeverities: Record<string, Severity> = {
  critical: "critical",
  high: "high",
  important: "high",
  medium: "medium",
  moderate: "medium",
  low: "low",
  negligible: "info",
  info: "info",
  informational: "info",
  none: "info",
  unknown: "unknown",
};

/** Trivy/Grype/Checkov/CycloneDX severity words, in any case; undefined when it isn't one. */
export function severityFromName(value: unknown): Severity | undefined {
  if (typeof value !== "string") return undefined;
  return namedSeverities[value.trim().toLowerCase()];
}

/** CVSS-style score, as SARIF's security-severity property carries it. */
export function severityFromScore(score: number | undefined): Severity | undefined {
  if (score === undefined || score < 0 || score > 10) return undefined;
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  if (score > 0) return "low";
  return "info";
}

// SARIF says a result with no level is a warning (SARIF 2.1.0 §3.27.10).
export function severityFromSarifLevel(level: unknown): Severity {
  switch (level) {
    case "error":
      return "high";
    case "note":
      return "low";
    case "none":
      return "info";
    default:
      return "medium";
  }
}

const rank = (severity: Severity) => (severity === "unknown" ? severityLevels.length : severityLevels.indexOf(severity));

export function mostSevere(severities: Severity[]): Severity {
  return severities.reduce<Severity>((worst, next) => (rank(next) < rank(worst) ? next : worst), "unknown");
}
