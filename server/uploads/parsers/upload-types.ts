export type UploadKind = "checkov" | "trivy" | "grype" | "sbom" | "incidents" | "deployments";

export type UploadFormat =
  | "sarif"
  | "checkov-json"
  | "trivy-json"
  | "grype-json"
  | "cyclonedx-json"
  | "spdx-json"
  | "incidents-json"
  | "pagerduty-json"
  | "pagerduty-csv"
  | "opsgenie-json"
  | "incident-io-json"
  | "deployments-json"
  | "github-deployment-status";

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

/** Incident.source of an uploaded incident: Ladder's own JSON is "upload". */
export type IncidentSource = "upload" | "pagerduty" | "opsgenie" | "incident-io";

/** One entry of Incident.timeline: what happened, oldest first. */
export interface TimelineEntry {
  at: string;
  type: string;
  text: string;
}

export interface IncidentRecord {
  externalId: string;
  title: string;
  service?: string;
  severity?: string;
  accountId?: string;
  startedAt: Date;
  resolvedAt?: Date;
  /** Absent: "upload" (Ladder's incidents JSON). */
  source?: IncidentSource;
  environment?: string;
  /** 1 critical … 5 no impact (Incident.severityRank). */
  severityRank?: number;
  acknowledgedAt?: Date;
  url?: string;
  timeline?: TimelineEntry[];
}

export type DeploymentStatus = "succeeded" | "failed" | "rolled_back";

/** A deployment a CI system reported (ReportedDeployment). */
export interface DeploymentRecord {
  source: "ladder" | "github";
  externalId: string;
  service: string;
  environment: string;
  accountId?: string;
  commitSha?: string;
  /** Only when the file says when the change was committed: lead time is "no data" otherwise. */
  committedAt?: Date;
  startedAt?: Date;
  finishedAt: Date;
  status: DeploymentStatus;
  url?: string;
}

export interface UploadSummary {
  findings: number;
  failed: number;
  passed: number;
  /** Failed findings only: a passed or suppressed check is not a problem of that severity. */
  bySeverity: Record<Severity, number>;
  components: number;
  incidents: number;
  deployments: number;
}

export interface ParsedUpload {
  kind: UploadKind;
  format: UploadFormat;
  tool: { name: string; version?: string };
  specVersion?: string;
  findings: Finding[];
  components: SbomComponent[];
  incidents: IncidentRecord[];
  deployments: DeploymentRecord[];
  summary: UploadSummary;
  warnings: string[];
}

export type FindingDraft = Omit<Finding, "fingerprint">;
