import type { DoraBand, DurationStats, RatioEstimate, SeverityKey, Verdict } from "~/server/incidents/types";

// Display of the service's numbers. Null is "No data", never 0; nothing here computes a figure.

export const NO_DATA = "No data";

/** Seconds as "45 s", "12 min", "2 h 5 min", "3 d 4 h"; "No data" for null. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return NO_DATA;
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes % 60;
    return rest ? `${hours} h ${rest} min` : `${hours} h`;
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours ? `${days} d ${restHours} h` : `${days} d`;
}

/** Seconds as hours for a chart's geometry only. */
export const chartHours = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 3600) * 100) / 100);

const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const whole = new Intl.NumberFormat("en-US");

export const formatCount = (value: number | null | undefined) =>
  value === null || value === undefined ? NO_DATA : whole.format(value);

/** A fraction 0..1 as "12.5%". */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA;
  return `${oneDecimal.format(value * 100)}%`;
}

/** Deployments per day, said the way DORA says frequency. */
export function formatFrequency(perDay: number | null | undefined): string {
  if (perDay === null || perDay === undefined || !Number.isFinite(perDay)) return NO_DATA;
  if (perDay >= 1) return `${oneDecimal.format(perDay)} a day`;
  if (perDay * 7 >= 1) return `${oneDecimal.format(perDay * 7)} a week`;
  return `${oneDecimal.format(perDay * 30)} a month`;
}

/** Incidents per 100 deployments, one decimal. */
export const formatPer100 = (value: number | null | undefined) =>
  value === null || value === undefined || !Number.isFinite(value) ? NO_DATA : oneDecimal.format(value);

export const formatRatio = (value: number | null | undefined) =>
  value === null || value === undefined || !Number.isFinite(value) ? "—" : `×${twoDecimals.format(value)}`;

/** A ratio's 95% interval, with an open end said in words. */
export function formatInterval(estimate: Pick<RatioEstimate, "low" | "high">, kind: "ratio" | "difference"): string {
  const show = (v: number) => (kind === "ratio" ? twoDecimals.format(v) : formatPoints(v));
  if (estimate.low === null && estimate.high === null) return "unknown";
  const low = estimate.low === null ? (kind === "ratio" ? "0" : "unbounded") : show(estimate.low);
  const high = estimate.high === null ? "unbounded" : show(estimate.high);
  return `${low} to ${high}`;
}

/** A difference of proportions (after − before) as "−4.2 pts". */
export function formatPoints(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const text = oneDecimal.format(Math.abs(value) * 100);
  return `${value > 0 ? "+" : value < 0 ? "−" : ""}${text} pts`;
}

export const verdictLabels: Record<Verdict, string> = {
  better: "Better",
  worse: "Worse",
  "no-clear-change": "No clear change",
  "too-few": "Too few to tell",
};

export const verdictTones: Record<Verdict, "green" | "red" | "neutral" | "amber"> = {
  better: "green",
  worse: "red",
  "no-clear-change": "neutral",
  "too-few": "amber",
};

/** "2024 DORA: high". */
export const bandLabel = (band: DoraBand) => `${band.year} DORA: ${band.label}`;

export const bandTones: Record<DoraBand["label"], "green" | "blue" | "amber" | "red"> = {
  elite: "green",
  high: "blue",
  medium: "amber",
  low: "red",
};

export const severityKeys: SeverityKey[] = ["critical", "high", "medium", "low", "none", "unknown"];

export const severityLabels: Record<SeverityKey, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
  none: "None",
  unknown: "Unknown severity",
};

/** Median and p90 with their n and the open incidents left out: "1 h 5 min median, 4 h p90 (n = 12; 2 still open)". */
export function formatRestore(stats: DurationStats): string {
  const open = stats.open ? `; ${stats.open} still open` : "";
  if (stats.median === null) return `${NO_DATA} (no resolved incident${open})`;
  return `${formatDuration(stats.median)} median, ${formatDuration(stats.p90)} p90 (n = ${stats.n}${open})`;
}

const sourceNames: Record<string, string> = {
  cloudwatch: "CloudWatch alarm",
  "incident-manager": "Incident Manager",
  upload: "Upload",
  pagerduty: "PagerDuty",
  opsgenie: "Opsgenie",
  "incident-io": "incident.io",
  codedeploy: "CodeDeploy",
  ladder: "CI (Ladder JSON)",
  github: "GitHub",
};

export const sourceLabel = (source: string) => sourceNames[source] ?? source;

const deploymentStatusLabels: Record<string, string> = {
  succeeded: "Succeeded",
  failed: "Failed",
  rolled_back: "Rolled back",
};

export const deploymentStatusLabel = (status: string) => deploymentStatusLabels[status] ?? status;

/** "2026-03-02T10:15:00.000Z" → "2 Mar 2026, 10:15 UTC" (the server and the browser agree). */
export function formatUtc(iso: string | null | undefined, withTime = true): string {
  if (!iso) return NO_DATA;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" };
  if (withTime) Object.assign(options, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${new Intl.DateTimeFormat("en-GB", options).format(date)}${withTime ? " UTC" : ""}`;
}
