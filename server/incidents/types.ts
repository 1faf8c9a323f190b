// The contract between the incidents service (server/incidents), its router (`incidents.*`), the
// export and the Incidents page. Times are ISO 8601 strings in UTC; buckets are UTC weeks
// (Monday) or calendar months and say so. A figure without data is null ("no data"), never 0.

export type Environment = "prod" | "staging" | "dev" | "sandbox";
export type Bucket = "week" | "month";

export interface IncidentFilters {
  /** First day of the range, YYYY-MM-DD (UTC). Default: 12 months before `to`. */
  from?: string;
  /** Day after the range, YYYY-MM-DD (UTC). Default: tomorrow. */
  to?: string;
  /** Default: month. */
  bucket?: Bucket;
  /** An OU id ("ou-…") or path ("/Workloads"): accounts below it. */
  ou?: string;
  environment?: Environment;
  accountId?: string;
  service?: string;
  /** The window after a deployment in which an incident on its service marks it failed. Default 24. */
  failureWindowHours?: number;
}

/** One ordinal scale for every source (Incident.severityRank). */
export type SeverityKey = "critical" | "high" | "medium" | "low" | "none" | "unknown";

export interface DurationStats {
  /** Resolved incidents the figures are computed from. */
  n: number;
  /** Seconds; null = no resolved incident. */
  median: number | null;
  p90: number | null;
  /** Still open at the end of the window: right-censored, left out of n and shown beside it. */
  open: number;
}

export interface TrendBucket {
  /** First day, YYYY-MM-DD (UTC). */
  start: string;
  /** "Mar 2026" or "Week of 2 Mar 2026". */
  label: string;
  incidents: { total: number; bySeverity: Record<SeverityKey, number> };
  /** Time to restore of the incidents that started in the bucket. */
  restore: DurationStats;
  deployments: { total: number; failed: number; rolledBack: number };
  experiments: { run: number; stopped: number; failed: number };
}

export type AnnotationKind = "deployment" | "experiment" | "maturity";

/** An event drawn on the trend's time axis; `href` opens it. */
export interface Annotation {
  kind: AnnotationKind;
  id: string;
  at: string;
  title: string;
  detail: string;
  href: string;
  accountId: string | null;
  service: string | null;
  /** Deployments: "succeeded" | "failed" | "rolled_back"; experiments: FIS status; maturity: "up" | "down". */
  status: string;
}

export interface DoraBand {
  /** The DORA report whose thresholds are used, e.g. 2024. */
  year: number;
  label: "elite" | "high" | "medium" | "low";
  /** The threshold written out, e.g. "on demand (several a day)". */
  threshold: string;
}

export interface DoraInput {
  label: string;
  value: string;
}

export interface DoraFigure {
  /** deploymentFrequency: per day; leadTime and recoveryTime: seconds (median); changeFailureRate: 0..1. Null = no data. */
  value: number | null;
  /** leadTime and recoveryTime: the 90th percentile in seconds. */
  p90?: number | null;
  /** How many events the figure rests on (deployments, commits, failed deployments). */
  n: number;
  /** Null when there is no value or too few events for a band (the note says why). */
  band: DoraBand | null;
  note: string | null;
  definition: string;
  inputs: DoraInput[];
  /** changeFailureRate: the 95% Wilson interval. */
  interval?: { low: number; high: number } | null;
}

export interface DoraRow {
  scope: "workspace" | "ou" | "account" | "service";
  key: string;
  label: string;
  deploymentFrequency: DoraFigure;
  leadTime: DoraFigure;
  changeFailureRate: DoraFigure;
  recoveryTime: DoraFigure;
}

export interface DoraTable {
  workspace: DoraRow;
  byOu: DoraRow[];
  byAccount: DoraRow[];
  byService: DoraRow[];
  failureWindowHours: number;
  /** The DORA report year of the bands, with its citation. */
  bands: { year: number; source: string };
}

export type ChangeKind = "maturity" | "canary" | "first-chaos";

/** A change worth a before/after look. `id` is what incidents.compare takes. */
export interface ChangeSuggestion {
  id: string;
  kind: ChangeKind;
  at: string;
  title: string;
  accountId: string | null;
  service: string | null;
  /** Why Ladder suggests it (e.g. "12 incidents before, 3 after on this service"). */
  reason: string;
}

export interface ComparisonSide {
  from: string;
  to: string;
  deployments: number;
  incidents: number;
  /** null when there were no deployments. */
  incidentsPer100Deployments: number | null;
  failedDeployments: number;
  changeFailureRate: number | null;
  restore: DurationStats;
}

export type Verdict = "better" | "worse" | "no-clear-change" | "too-few";

export interface RatioEstimate {
  /** after ÷ before; null when it cannot be computed (a zero denominator). */
  ratio: number | null;
  /** 95% interval (exact conditional for rates, Newcombe/Wilson for proportions); null bounds = unbounded or unknown. */
  low: number | null;
  high: number | null;
  method: string;
  verdict: Verdict;
}

export interface Comparison {
  change: ChangeSuggestion;
  windowDays: number;
  before: ComparisonSide;
  after: ComparisonSide;
  /** Incidents per deployment, after ÷ before. */
  incidentRate: RatioEstimate;
  /** Change failure rate, after − before (difference of proportions). */
  changeFailureRate: RatioEstimate;
  /** Median time to restore, after ÷ before. */
  restore: RatioEstimate;
  /** One sentence a leader can read, with counts: "3 incidents before, 1 after … too few to tell". */
  summary: string;
}

export interface IncidentView {
  id: string;
  source: string;
  /** The other sources of the same incident (an alarm and the page it raised), counted once. */
  alsoFrom: { id: string; source: string }[];
  title: string;
  accountId: string | null;
  accountName: string | null;
  service: string | null;
  environment: string | null;
  severity: string | null;
  severityKey: SeverityKey;
  startedAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  /** Seconds; null while open. */
  durationSeconds: number | null;
  url: string | null;
}

export interface DeploymentView {
  id: string;
  source: "codedeploy" | "ladder" | "github";
  service: string;
  environment: string | null;
  accountId: string | null;
  status: "succeeded" | "failed" | "rolled_back";
  startedAt: string | null;
  finishedAt: string;
  commitSha: string | null;
  committedAt: string | null;
  deploymentConfig: string | null;
  url: string | null;
}

export interface ExperimentView {
  id: string;
  experimentId: string;
  accountId: string;
  templateId: string;
  status: string;
  startedAt: string | null;
  endedAt: string | null;
}

export interface TimelineEntry {
  at: string;
  type: string;
  text: string;
}

export interface IncidentDetail {
  incident: IncidentView;
  timeline: TimelineEntry[];
  /** Same account and service, finished in the 24 h before the incident started, newest first. */
  deploymentsBefore: DeploymentView[];
  /** FIS experiments running on the account when the incident started. */
  experimentsInFlight: ExperimentView[];
  /** Where it came from: the alarm ARN, the Incident Manager record, the upload. */
  origin: { source: string; key: string; alarmArn: string | null; uploadId: string | null; url: string | null };
}

/** The overview's Outcomes tile (server/incidents/outcomes.ts). Null = no data, never 0. */
export interface IncidentOutcomes {
  /** UTC days, the end excluded: the last 30 days (today included) and the 30 before. */
  recent: { from: string; to: string };
  previous: { from: string; to: string };
  /** Incidents counted once in each range; null when the workspace has no incident from any source. */
  incidents: { recent: number; previous: number } | null;
  /** Time to restore of the recent range's incidents (median null when none is resolved). */
  restore: DurationStats;
  /** Production deployments of the recent range that failed (the DORA table's rule); value null without deployments. */
  changeFailureRate: { value: number | null; failed: number; deployments: number; failureWindowHours: number };
}

export interface IncidentsOverview {
  filters: Required<Pick<IncidentFilters, "from" | "to" | "bucket" | "failureWindowHours">> & IncidentFilters;
  buckets: TrendBucket[];
  /** Incidents open now (not at the end of the range). */
  openNow: number;
  /** Counted once each: rows of several sources that are one incident. */
  totals: { incidents: number; restore: DurationStats; duplicatesMerged: number };
  annotations: Annotation[];
  /** Annotations beyond the cap that were left out (the newest are kept). */
  annotationsLeftOut?: number;
  dora: DoraTable;
  suggestions: ChangeSuggestion[];
  options: {
    ous: { id: string; path: string }[];
    environments: Environment[];
    accounts: { accountId: string; name: string | null }[];
    services: string[];
  };
  /** Which sources fed this view, e.g. "CloudWatch alarms, Incident Manager, PagerDuty upload". */
  sources: string[];
}

export interface IncidentsPage {
  rows: IncidentView[];
  page: number;
  pageSize: number;
  total: number;
}

// ---- Inputs of the pure computations (server/incidents/compute/*), as the loaders produce them ----

/** One incident, counted once: rows of several sources that are the same incident come as one event. */
export interface IncidentEvent {
  id: string;
  source: string;
  alsoFrom: { id: string; source: string }[];
  accountId: string | null;
  service: string | null;
  environment: string | null;
  severityKey: SeverityKey;
  startedAt: Date;
  resolvedAt: Date | null;
}

/** A deployment from CodeDeploy (autoscaling-started ones excluded) or reported by CI. */
export interface DeploymentEvent {
  id: string;
  source: "codedeploy" | "ladder" | "github";
  accountId: string | null;
  /** CodeDeploy: the application name; CI: the service it names. */
  service: string;
  environment: string | null;
  status: "succeeded" | "failed" | "rolled_back";
  startedAt: Date | null;
  finishedAt: Date;
  committedAt: Date | null;
  /** CodeDeploy's deployment configuration, e.g. "CodeDeployDefault.LambdaCanary10Percent5Minutes". */
  deploymentConfig: string | null;
  /** CodeDeploy: "application/group"; CI: service + environment. Canary arrival is per group. */
  group: string;
}

export interface ExperimentEvent {
  id: string;
  experimentId: string;
  accountId: string;
  /** The service its template targets when it can be told (tags or resource names), else null. */
  service: string | null;
  templateId: string;
  status: string;
  startedAt: Date | null;
  endedAt: Date | null;
}

/** A practice's level changing on an account between two stored maturity snapshots. */
export interface MaturityEvent {
  id: string;
  at: Date;
  practiceId: string;
  practiceName: string;
  accountId: string;
  from: number;
  to: number;
}
