import type { AlarmRecord, AlarmStateChange } from "./cloudwatch";

/** An alarm's time in ALARM. Natural key: (alarmArn, startedAt). */
export interface IncidentRecord {
  accountId: string;
  region: string;
  alarmArn: string;
  alarmName: string;
  startedAt: Date;
  /** Null while the alarm is still in ALARM. */
  resolvedAt: Date | null;
  durationSeconds: number | null;
  service: string;
  severity: string;
  /** 1 critical … 5 no impact, from the severity tag or the alarm's name; null when neither says. */
  severityRank: number | null;
}

// Words that name what an alarm measures rather than whom it is about: "checkout-api-5xx-rate"
// is about checkout-api.
const METRIC_WORDS = new Set(
  (
    "5xx 4xx 3xx error errors fault faults rate ratio latency p50 p90 p95 p99 p999 duration throttle throttles " +
    "throttling cpu memory mem disk queue age depth backlog availability health healthcheck count high low " +
    "alarm critical warning utilization utilisation saturation timeout timeouts"
  ).split(" "),
);

export function serviceFromAlarmName(name: string): string {
  const words = name.split(/[-_\s]+/).filter((w) => w.length > 0);
  while (words.length > 1 && METRIC_WORDS.has((words.at(-1) ?? "").toLowerCase())) words.pop();
  return words.join("-");
}

/**
 * Turns state changes into incidents: an incident opens on the first change into ALARM and
 * closes on the next change into OK. Repeated ALARM changes extend it; INSUFFICIENT_DATA
 * neither opens nor closes one (missing data is not recovery). Items may arrive in any order.
 * A resolution whose ALARM change is not in `items` is dropped, so incremental callers must
 * read history from the oldest incident still open.
 */
export function alarmHistoryToIncidents(
  alarms: ReadonlyArray<Pick<AlarmRecord, "arn" | "name" | "tags" | "accountId" | "region">>,
  items: readonly AlarmStateChange[],
): IncidentRecord[] {
  const byName = new Map(alarms.map((a) => [`${a.accountId}/${a.region}/${a.name}`, a]));
  const histories = new Map<string, AlarmStateChange[]>();
  for (const item of items) {
    const key = `${item.accountId}/${item.region}/${item.alarmName}`;
    histories.set(key, [...(histories.get(key) ?? []), item]);
  }
  const incidents: IncidentRecord[] = [];
  for (const [key, history] of histories) {
    const first = history[0];
    if (!first) continue;
    const alarm = byName.get(key);
    const base = {
      accountId: first.accountId,
      region: first.region,
      // A deleted alarm keeps its history; its ARN follows the fixed format.
      alarmArn: alarm?.arn ?? `arn:aws:cloudwatch:${first.region}:${first.accountId}:alarm:${first.alarmName}`,
      alarmName: first.alarmName,
      service: alarm?.tags.service || serviceFromAlarmName(first.alarmName),
      severity: alarm?.tags.severity || "unknown",
      severityRank: severityRankOf(alarm?.tags.severity, first.alarmName),
    };
    let openedAt: Date | null = null;
    for (const change of [...history].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime())) {
      if (change.newState === "ALARM") openedAt ??= change.timestamp;
      else if (change.newState === "OK" && openedAt) {
        const durationSeconds = Math.round((change.timestamp.getTime() - openedAt.getTime()) / 1000);
        incidents.push({ ...base, startedAt: openedAt, resolvedAt: change.timestamp, durationSeconds });
        openedAt = null;
      }
    }
    if (openedAt) incidents.push({ ...base, startedAt: openedAt, resolvedAt: null, durationSeconds: null });
  }
  return incidents.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.alarmArn.localeCompare(b.alarmArn));
}

const RANK_WORDS: Record<string, number> = {
  critical: 1,
  crit: 1,
  high: 2,
  major: 2,
  error: 2,
  medium: 3,
  moderate: 3,
  warning: 3,
  warn: 3,
  low: 4,
  minor: 4,
  info: 5,
  informational: 5,
  none: 5,
};

function rankOfWord(word: string): number | null {
  const w = word.toLowerCase();
  const numbered = /^(?:sev|severity|p)-?([1-5])$/.exec(w);
  if (numbered) return Number(numbered[1]);
  return RANK_WORDS[w] ?? null;
}

/**
 * The one ordinal scale (1 critical … 5 no impact) from an alarm's severity tag ("sev1", "P2",
 * "critical"), else from a word of its name ("checkout-critical-5xx"); null when neither says.
 */
export function severityRankOf(severityTag: string | undefined, alarmName: string): number | null {
  if (severityTag) {
    const fromTag = rankOfWord(severityTag.trim().replace(/\s+/g, ""));
    if (fromTag !== null) return fromTag;
  }
  // In a name, "high" and "low" say what the metric does ("high-cpu"): only unambiguous words count.
  for (const word of alarmName.split(/[-_\s.]+/)) {
    if (/^(?:sev-?[1-5]|critical|warning)$/i.test(word)) return rankOfWord(word);
  }
  return null;
}
