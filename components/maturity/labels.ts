import type { CheckStatus, ClaimScopeView, Environment, Level, ScopeInput, Stage } from "./types";

// The seed's maturity ladder, as DESIGN.md tabulates it.
export const stages: Record<Stage, { name: string; when: string }> = {
  1: { name: "Foundation", when: "Month 1" },
  2: { name: "Observability & Resilience", when: "Month 2–3" },
  3: { name: "Modern Deployment", when: "Month 4–5" },
  4: { name: "Cost & Compliance", when: "Month 6" },
  5: { name: "Advanced", when: "Month 7+" },
};
export const stageNumbers = [1, 2, 3, 4, 5] as const satisfies readonly Stage[];
/** A stage is reached when every practice of it and the stages below is at this level or higher. */
export const STAGE_LEVEL: Level = 2;

export const environments: Environment[] = ["prod", "staging", "dev", "sandbox"];
export const environmentLabels: Record<Environment, string> = {
  prod: "Production",
  staging: "Staging",
  dev: "Development",
  sandbox: "Sandbox",
};

export const statusLabels: Record<CheckStatus, string> = {
  pass: "Pass",
  fail: "Fail",
  warning: "Warning",
  not_applicable: "Not applicable",
  no_data: "No data",
  error: "Error",
};
/** Worst first: the order a reader wants to see problems in. */
export const statusOrder: CheckStatus[] = ["fail", "error", "no_data", "warning", "pass", "not_applicable"];

export const sourceLabels: Record<string, string> = {
  organizations: "AWS Organizations",
  cloudtrail: "CloudTrail",
  "checkov-uploads": "Checkov uploads",
  "scan-uploads": "Scan uploads",
  "sbom-uploads": "SBOM uploads",
  "cost-explorer": "Cost Explorer",
  commitments: "RI and Savings Plans",
  codedeploy: "CodeDeploy",
  cloudwatch: "CloudWatch",
  ecr: "ECR",
  inspector: "Inspector",
  fis: "FIS",
  xray: "X-Ray",
  eks: "EKS",
  attestation: "Attestation",
};

export function scopeLabel(scope: ClaimScopeView, accountName?: (id: string) => string): string {
  if (scope.kind === "organization") return "Whole organisation";
  if (scope.kind === "ou") return `OU ${scope.ouPath}`;
  return `Account ${accountName ? accountName(scope.accountId) : scope.accountId}`;
}

export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

// Filters live in the URL (?env=prod&env=staging&ou=/Workloads&account=123&since=2026-01-01),
// so a reload or a shared link shows the same ladder.
export interface MaturityFilters {
  /** env=all: every account, including those with no environment set. */
  allEnvironments?: boolean;
  environments: Environment[];
  ouPaths: string[];
  accountIds: string[];
}

type SearchParams = Record<string, string | string[] | undefined>;

const list = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);
const isEnvironment = (value: string): value is Environment => (environments as string[]).includes(value);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readFilters(params: SearchParams): MaturityFilters {
  const allEnvironments = list(params.env).includes("all");
  return {
    ...(allEnvironments ? { allEnvironments } : {}),
    environments: allEnvironments ? [] : [...new Set(list(params.env).filter(isEnvironment))],
    ouPaths: [...new Set(list(params.ou).filter((p) => p.startsWith("/")))],
    accountIds: [...new Set(list(params.account).filter((a) => /^\d{12}$/.test(a)))],
  };
}

export function readDay(params: SearchParams, key: string): string | undefined {
  const value = list(params[key])[0];
  // Date.parse rolls 2026-02-30 over to March; a day that does not exist is no day.
  if (!value || !ISO_DAY.test(value)) return undefined;
  const start = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(start.getTime()) && isoDay(start) === value ? value : undefined;
}

/** Undefined when nothing is chosen: the server then shows production, as DESIGN.md asks. */
export function scopeInput(filters: MaturityFilters): ScopeInput | undefined {
  const scope: ScopeInput = {};
  if (filters.allEnvironments) scope.all = true;
  else if (filters.environments.length) scope.environments = filters.environments;
  if (filters.ouPaths.length) scope.ouPaths = filters.ouPaths;
  if (filters.accountIds.length) scope.accountIds = filters.accountIds;
  return Object.keys(scope).length ? scope : undefined;
}

export function filtersQuery(filters: MaturityFilters, extra: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams();
  if (filters.allEnvironments) query.append("env", "all");
  for (const env of filters.environments) query.append("env", env);
  for (const ou of filters.ouPaths) query.append("ou", ou);
  for (const account of filters.accountIds) query.append("account", account);
  for (const [key, value] of Object.entries(extra)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `?${text}` : "";
}

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function daysAgo(days: number, from = new Date()): string {
  return isoDay(new Date(from.getTime() - days * 86_400_000));
}

export function daysAhead(days: number, from = new Date()): string {
  return isoDay(new Date(from.getTime() + days * 86_400_000));
}

export const maturityPath = (workspace: string, filters?: MaturityFilters, extra?: Record<string, string | undefined>) =>
  `/w/${workspace}/maturity${filters ? filtersQuery(filters, extra) : ""}`;
export const practicePath = (workspace: string, practiceId: string, filters?: MaturityFilters) =>
  `/w/${workspace}/maturity/practices/${encodeURIComponent(practiceId)}${filters ? filtersQuery(filters) : ""}`;
export const accountPath = (workspace: string, accountId: string) =>
  `/w/${workspace}/maturity/accounts/${encodeURIComponent(accountId)}`;
export const resultPath = (workspace: string, checkId: string, accountId: string) =>
  `/w/${workspace}/maturity/checks/${encodeURIComponent(checkId)}?account=${encodeURIComponent(accountId)}`;

export function exportPath(workspace: string, filters: MaturityFilters, format: "csv" | "json"): string {
  return `/api/v1/maturity/export${filtersQuery(filters, { workspace, format })}`;
}

export function accountLabel(account: { accountId: string; name: string | null } | undefined, accountId = account?.accountId) {
  if (!account) return accountId ?? "Unknown account";
  return account.name ?? account.accountId;
}

/** The environments the server shows for these filters: production when none is chosen; null is all. */
export function shownEnvironments(filters: MaturityFilters): Environment[] | null {
  if (filters.allEnvironments) return null;
  if (filters.environments.length) return filters.environments;
  return filters.ouPaths.length || filters.accountIds.length ? null : ["prod"];
}
