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
