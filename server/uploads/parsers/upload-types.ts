export type UploadKind = "checkov" | "trivy" | "grype" | "sbom" | "incidents";

export type UploadFormat =
  "sarif" | "checkov-json" | "trivy-json" | "grype-json" | "cyclonedx-json" | "spdx-json" | "incidents-json";

export type Severity = "critical" | "high" | "medium" | "low" | "info" | "unknown";

export type FindingStatus = "failed" | "passed" | "skipped";

export interface Finding {
  /** Stable across uploads: a hash of tool, ruleId, location, package and vulnerability id. */
  fingerprint: string;
  ruleId: string;
  title: string;
  severity: Severity;
  status: FindingStatus;
  resource?: string;
  file?: string;
  line?: number;
  packageName?: string;
  installedVersion?: string;
  fixedVersion?: string;
  /** CVE or GHSA (or another advisory id) when the finding is a vulnerability. */
  vulnerabilityId?: string;
  cvss?: number;
  url?: string;
}

export interface SbomComponent {
  purl?: string;
  name: string;
  version?: string;
  type?: string;
  licenses: string[];
  supplier?: string;
}

export interface IncidentRecord {
  externalId: string;
  title: string;
  service?: string;
  severity?: string;
  accountId?: string;
  startedAt: Date;
  resolvedAt?: Date;
}

export interface UploadSummary {
  findings: number;
  failed: number;
  passed: number;
  /** Failed findings only: a passed or suppressed check is not a problem of that severity. */
  bySeverity: Record<Severity, number>;
  components: number;
  incidents: number;
}

export interface ParsedUpload {
  kind: UploadKind;
  format: UploadFormat;
  tool: { name: string; version?: string };
  specVersion?: string;
  findings: Finding[];
  components: SbomComponent[];
  incidents: IncidentRecord[];
  summary: UploadSummary;
  warnings: string[];
}

export type FindingDraft = Omit<Finding, "fingerprint">;
