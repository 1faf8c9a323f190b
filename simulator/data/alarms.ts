import type { DemoData } from "./demo-data";
import { monthStart } from "./cost-timeline";
import { createRandom } from "./random";

export interface AlarmTransition {
  timestamp: Date;
  from: "OK" | "ALARM";
  to: "OK" | "ALARM";
  reason: string;
}

export interface Alarm {
  name: string;
  arn: string;
  description: string;
  metricName: string;
  namespace: string;
  threshold: number;
  comparison: string;
  service: string;
  severity: "sev1" | "sev2" | "sev3";
  createdAt: Date;
  history: AlarmTransition[];
}

const DAY_MS = 86_400_000;
const KINDS = [
  {
    suffix: "api-5xx-rate",
    metric: "HTTPCode_Target_5XX_Count",
    namespace: "AWS/ApplicationELB",
    threshold: 50,
    severity: "sev1" as const,
  },
  {
    suffix: "api-p99-latency",
    metric: "TargetResponseTime",
    namespace: "AWS/ApplicationELB",
    threshold: 1.5,
    severity: "sev2" as const,
  },
  {
    suffix: "worker-queue-age",
    metric: "ApproximateAgeOfOldestMessage",
    namespace: "AWS/SQS",
    threshold: 600,
    severity: "sev3" as const,
  },
];

/** Canary deployments arrive five months in; from then on incidents are rarer and shorter. */
export function canaryStart(data: DemoData): Date {
  return monthStart(data.today, -7);
}

function alarmsFor(data: DemoData, accountId: string): Alarm[] {
  const account = data.account(accountId);
  if (!account || !["prod", "staging", "shared-services"].includes(account.environment)) return [];
  const random = createRandom(data.seed, "alarms", accountId);
  const historyStart = monthStart(data.today, -12).getTime();
  const canaries = canaryStart(data).getTime();
  const incidentRate = account.environment === "prod" ? 1 : 0.4;
  return KINDS.map((kind) => {
    const name = `${account.team}-${kind.suffix}`;
    const history: AlarmTransition[] = [];
    for (let week = historyStart; week < data.today.getTime() - DAY_MS; week += 7 * DAY_MS) {
      const weeklyChance = (week < canaries ? 0.45 : 0.12) * incidentRate;
      if (!random.chance(weeklyChance)) continue;
      const start = week + random.int(0, 6 * 24 * 60) * 60_000;
      const minutes = week < canaries ? random.int(25, 240) : random.int(5, 45);
      history.push({
        timestamp: new Date(start),
        from: "OK",
        to: "ALARM",
        reason: `Threshold Crossed: 3 datapoints were greater than the threshold (${kind.threshold}).`,
      });
      history.push({
        timestamp: new Date(start + minutes * 60_000),
        from: "ALARM",
        to: "OK",
        reason: `Threshold Crossed: 3 datapoints were not greater than the threshold (${kind.threshold}).`,
      });
    }
    return {
      name,
      arn: `arn:aws:cloudwatch:us-east-1:${accountId}:alarm:${name}`,
      description: `${kind.metric} for ${account.team} in ${account.environment}`,
      metricName: kind.metric,
      namespace: kind.namespace,
      threshold: kind.threshold,
      comparison: "GreaterThanThreshold",
      service: account.team,
      severity: kind.severity,
      createdAt: new Date(historyStart - 30 * DAY_MS),
      history,
    };
  });
}

export function alarms(data: DemoData, accountId: string): Alarm[] {
  return data.memo(`alarms:${accountId}`, () => alarmsFor(data, accountId));
}
