import type { Bucket, Environment, IncidentFilters } from "~/server/incidents/types";

// The Incidents filters live in the URL with the export's names
// (?from=2025-12-01&bucket=week&ou=ou-…&environment=prod&account=123456789012&service=checkout&window=48),
// so a reload, a shared link and the export carry the same scope. The list's page, the chosen
// change and the comparison window ride beside them (`page`, `change`, `days`).

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ACCOUNT = /^\d{12}$/;
const ENVIRONMENTS: readonly string[] = ["prod", "staging", "dev", "sandbox"] satisfies Environment[];
const BUCKETS: readonly string[] = ["week", "month"] satisfies Bucket[];

export const COMPARE_DAYS = [30, 60, 90, 180] as const;
export const DEFAULT_COMPARE_DAYS = 90;
export const FAILURE_WINDOWS = [1, 4, 24, 48, 72] as const;

export interface IncidentsPageState {
  filters: IncidentFilters;
  page: number;
  /** The change chosen for a before/after comparison (a ChangeSuggestion id). */
  change: string | null;
  /** The comparison window on each side, in days. */
  days: number;
}

const positiveInt = (text: string | undefined, max: number): number | null => {
  if (!text || !/^\d{1,6}$/.test(text)) return null;
  const value = Number(text);
  return value >= 1 && value <= max ? value : null;
};

/** The filters in the URL, as the incidents procedures take them; what is not valid is dropped. */
export function readIncidentFilters(params: SearchParams): IncidentFilters {
  const filters: IncidentFilters = {};
  const from = first(params.from);
  if (from && DAY.test(from)) filters.from = from;
  const to = first(params.to);
  if (to && DAY.test(to) && (!filters.from || to > filters.from)) filters.to = to;
  const bucket = first(params.bucket);
  if (bucket && BUCKETS.includes(bucket)) filters.bucket = bucket as Bucket;
  const ou = first(params.ou);
  if (ou && ou.length <= 1024 && /^(\/|ou-|r-)/.test(ou)) filters.ou = ou;
  const environment = first(params.environment);
  if (environment && ENVIRONMENTS.includes(environment)) filters.environment = environment as Environment;
  const accountId = first(params.account);
  if (accountId && ACCOUNT.test(accountId)) filters.accountId = accountId;
  const service = first(params.service);
  if (service && service.length <= 256) filters.service = service;
  // The procedures' limits: a failure window up to 14 days, a comparison window of 7 to 365 days.
  const window = positiveInt(first(params.window), 24 * 14);
  if (window !== null) filters.failureWindowHours = window;
  return filters;
}

/** The whole page's state from its URL. */
export function readIncidentsPage(params: SearchParams): IncidentsPageState {
  const change = first(params.change);
  const days = positiveInt(first(params.days), 365);
  return {
    filters: readIncidentFilters(params),
    page: positiveInt(first(params.page), 100_000) ?? 1,
    change: change && change.length <= 512 ? change : null,
    days: days !== null && days >= 7 ? days : DEFAULT_COMPARE_DAYS,
  };
}

function query(values: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The filters under their URL names (the export's names too). */
export const filterValues = (filters: IncidentFilters) => ({
  from: filters.from,
  to: filters.to,
  bucket: filters.bucket,
  ou: filters.ou,
  environment: filters.environment,
  account: filters.accountId,
  service: filters.service,
  window: filters.failureWindowHours,
});

export function incidentsPath(
  workspace: string,
  filters: IncidentFilters = {},
  extra: { page?: number; change?: string | null; days?: number } = {},
): string {
  return `/w/${workspace}/incidents${query({
    ...filterValues(filters),
    page: extra.page && extra.page > 1 ? extra.page : undefined,
    change: extra.change,
    days: extra.days && extra.days !== DEFAULT_COMPARE_DAYS ? extra.days : undefined,
  })}`;
}

export const incidentPath = (workspace: string, incidentId: string) =>
  `/w/${workspace}/incidents/${encodeURIComponent(incidentId)}`;

export type IncidentsExportTable = "incidents" | "deployments" | "dora";

export function incidentsExportPath(
  workspace: string,
  table: IncidentsExportTable,
  format: "csv" | "json",
  filters: IncidentFilters,
): string {
  return `/api/v1/incidents/export${query({ workspace, table, format, ...filterValues(filters) })}`;
}

/** YYYY-MM-DD `months` calendar months before `day` (clamped to the month's last day), UTC. */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export const RANGE_MONTHS = [3, 6, 12, 24] as const;

/** The range presets for the range's end: the `from` of each, and which (if any) the current range is. */
export function rangePresets(filters: { from: string; to: string }): {
  options: { months: number; from: string; label: string }[];
  current: number | null;
} {
  const options = RANGE_MONTHS.map((months) => ({
    months,
    from: monthsBefore(filters.to, months),
    label: `Last ${months} months`,
  }));
  return { options, current: options.find((o) => o.from === filters.from)?.months ?? null };
}
