import type {
  Comparison,
  DoraFigure,
  DoraRow,
  IncidentDetail,
  IncidentsOverview,
  IncidentsPage,
  SeverityKey,
  TrendBucket,
} from "~/server/incidents/types";

// Hand-built answers of the incidents procedures, typed by the contract, for the Incidents
// page's helper tests (no router needed). The numbers are small and made up.

const severities = (counts: Partial<Record<SeverityKey, number>>): Record<SeverityKey, number> => ({
  critical: 0,
  high: 0,
  medium: 0,
  low: 0,
  none: 0,
  unknown: 0,
  ...counts,
});

export const buckets: TrendBucket[] = [
  {
    start: "2026-09-01",
    label: "Sep 2026",
    incidents: { total: 4, bySeverity: severities({ critical: 1, high: 3 }) },
    restore: { n: 4, median: 3600, p90: 7200, open: 0 },
    deployments: { total: 20, failed: 2, rolledBack: 1 },
    experiments: { run: 0, stopped: 0, failed: 0 },
  },
  {
    start: "2026-10-01",
    label: "Oct 2026",
    incidents: { total: 2, bySeverity: severities({ high: 1, low: 1 }) },
    restore: { n: 1, median: 1800, p90: 1800, open: 1 },
    deployments: { total: 25, failed: 1, rolledBack: 0 },
    experiments: { run: 1, stopped: 1, failed: 0 },
  },
  {
    start: "2026-11-01",
    label: "Nov 2026",
    incidents: { total: 0, bySeverity: severities({}) },
    restore: { n: 0, median: null, p90: null, open: 0 },
    deployments: { total: 0, failed: 0, rolledBack: 0 },
    experiments: { run: 0, stopped: 0, failed: 0 },
  },
];

const figure = (value: number | null, n: number, band: DoraFigure["band"], note: string | null = null): DoraFigure => ({
  value,
  n,
  band,
  note,
  definition: "How often the organisation deploys to production.",
  inputs: [{ label: "Deployments", value: String(n) }],
});

const row = (scope: DoraRow["scope"], key: string, label: string): DoraRow => ({
  scope,
  key,
  label,
  deploymentFrequency: figure(1.5, 45, { year: 2024, label: "elite", threshold: "on demand (several a day)" }),
  leadTime: figure(null, 0, null, "No commit times: upload CI deployments with their commit time."),
  changeFailureRate: {
    ...figure(0.0667, 45, { year: 2024, label: "medium", threshold: "10–15%" }),
    interval: { low: 0.02, high: 0.18 },
  },
  recoveryTime: figure(5400, 3, null, "Too few for a band: 3 failed deployments (at least 5)."),
});

export const overview: IncidentsOverview = {
  filters: { from: "2026-09-01", to: "2026-12-01", bucket: "month", failureWindowHours: 24, ou: "ou-root-prod" },
  buckets,
  openNow: 1,
  totals: { incidents: 6, restore: { n: 5, median: 3600, p90: 7200, open: 1 }, duplicatesMerged: 2 },
  annotations: [
    {
      kind: "maturity",
      id: "m1",
      at: "2026-10-15T00:00:00.000Z",
      title: "Progressive delivery 1 → 3 on checkout-prod",
      detail: "",
      href: "/w/acme/maturity/practices/progressive-delivery",
      accountId: "111111111111",
      service: null,
      status: "up",
    },
    {
      kind: "deployment",
      id: "d1",
      at: "2026-09-03T10:00:00.000Z",
      title: "checkout rolled back",
      detail: "",
      href: "/w/acme/incidents?service=checkout",
      accountId: "111111111111",
      service: "checkout",
      status: "rolled_back",
    },
    {
      kind: "experiment",
      id: "e1",
      at: "2026-10-02T09:00:00.000Z",
      title: "Stop a third of the checkout tasks",
      detail: "",
      href: "/w/acme/maturity/practices/chaos-engineering",
      accountId: "111111111111",
      service: "checkout",
      status: "stopped",
    },
    {
      kind: "experiment",
      id: "e-late",
      at: "2026-12-01T00:00:00.000Z",
      title: "After the range",
      detail: "",
      href: "/",
      accountId: null,
      service: null,
      status: "completed",
    },
  ],
  dora: {
    workspace: row("workspace", "acme", "Whole workspace"),
    byOu: [row("ou", "ou-root-prod", "/Workloads/Prod")],
    byAccount: [row("account", "111111111111", "checkout-prod")],
    byService: [row("service", "checkout", "checkout")],
    failureWindowHours: 24,
    bands: { year: 2024, source: "DORA Accelerate State of DevOps Report 2024" },
  },
  suggestions: [
    {
      id: "canary:111111111111:checkout/prod",
      kind: "canary",
      at: "2026-10-10T00:00:00.000Z",
      title: "Canary deployments arrive on checkout/prod",
      accountId: "111111111111",
      service: "checkout",
      reason: "4 incidents before, 1 after on this service",
    },
  ],
  options: {
    ous: [{ id: "ou-root-prod", path: "/Workloads/Prod" }],
    environments: ["prod", "staging"],
    accounts: [{ accountId: "111111111111", name: "checkout-prod" }],
    services: ["checkout"],
  },
  sources: ["CloudWatch alarms", "PagerDuty upload"],
};

export const comparison: Comparison = {
  change: overview.suggestions[0]!,
  windowDays: 90,
  before: {
    from: "2026-07-12",
    to: "2026-10-10",
    deployments: 40,
    incidents: 8,
    incidentsPer100Deployments: 20,
    failedDeployments: 6,
    changeFailureRate: 0.15,
    restore: { n: 8, median: 5400, p90: 9000, open: 0 },
  },
  after: {
    from: "2026-10-10",
    to: "2027-01-08",
    deployments: 30,
    incidents: 2,
    incidentsPer100Deployments: 6.67,
    failedDeployments: 1,
    changeFailureRate: 0.0333,
    restore: { n: 1, median: 1800, p90: 1800, open: 1 },
  },
  incidentRate: { ratio: 0.33, low: 0.04, high: 1.6, method: "Exact conditional (binomial) interval", verdict: "too-few" },
  changeFailureRate: { ratio: -0.117, low: -0.25, high: 0.02, method: "Newcombe hybrid score", verdict: "no-clear-change" },
  restore: { ratio: 0.33, low: null, high: null, method: "Ratio of medians; no interval below 5 per side", verdict: "too-few" },
  summary: "8 incidents in 40 deployments before, 2 in 30 after: fewer, but too few to tell.",
};

export const detail: IncidentDetail = {
  incident: {
    id: "inc-1",
    source: "cloudwatch",
    alsoFrom: [{ id: "inc-2", source: "pagerduty" }],
    title: "checkout 5xx above 2%",
    accountId: "111111111111",
    accountName: "checkout-prod",
    service: "checkout",
    environment: "prod",
    severity: "P2",
    severityKey: "high",
    startedAt: "2026-09-03T11:00:00.000Z",
    acknowledgedAt: "2026-09-03T11:04:00.000Z",
    resolvedAt: null,
    durationSeconds: null,
    url: null,
  },
  timeline: [{ at: "2026-09-03T11:00:00.000Z", type: "alarm", text: "ALARM: 5xx rate 3.1%" }],
  deploymentsBefore: [
    {
      id: "dep-1",
      source: "codedeploy",
      service: "checkout",
      environment: "prod",
      accountId: "111111111111",
      status: "rolled_back",
      startedAt: "2026-09-03T09:50:00.000Z",
      finishedAt: "2026-09-03T10:00:00.000Z",
      commitSha: "abc1234def",
      committedAt: null,
      deploymentConfig: "CodeDeployDefault.AllAtOnce",
      url: null,
    },
  ],
  experimentsInFlight: [],
  origin: {
    source: "cloudwatch",
    key: "checkout-5xx@2026-09-03T11:00:00Z",
    alarmArn: "arn:aws:cloudwatch:eu-west-1:111111111111:alarm:checkout-5xx",
    uploadId: null,
    url: null,
  },
};

export const page: IncidentsPage = {
  rows: [detail.incident],
  page: 1,
  pageSize: 25,
  total: 1,
};
