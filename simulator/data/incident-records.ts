import { type Alarm, alarms } from "./alarms";
import { monthStart } from "./cost-timeline";
import type { DemoData } from "./demo-data";
import { createRandom } from "./random";

// AWS Systems Manager Incident Manager records of the demo organisation. Every prod alarm episode
// that lasts MIN_EPISODE_MINUTES or more opens a record a minute or two after the alarm (the
// response plan's EventBridge rule), so records follow the alarm story: frequent and long before
// canaries arrive (alarms.ts canaryStart), rarer and shorter after. A few records per prod
// account were started by hand ("aws.ssm-incidents.custom") and have no alarm.

export type ItemType = "INVOLVED_RESOURCE" | "METRIC" | "OTHER";

export interface TimelineEvent {
  id: string;
  time: Date;
  type: "Custom Event" | "Note";
  data: string;
  /** ARNs the event refers to (the alarm for detection). */
  resources: string[];
}

export interface RelatedItem {
  generatedId: string;
  type: ItemType;
  title: string;
  arn: string;
}

export interface IncidentRecord {
  arn: string;
  title: string;
  status: "OPEN" | "RESOLVED";
  /** 1 critical … 5 no impact. */
  impact: number;
  creationTime: Date;
  resolvedTime: Date | null;
  lastModifiedTime: Date;
  source: "aws.cloudwatch" | "aws.ssm-incidents.custom";
  createdBy: string;
  invokedBy: string;
  /** The alarm that opened it; absent for manual records. */
  resourceArn: string | null;
  dedupeString: string;
  summary: string;
  service: string;
  timeline: TimelineEvent[];
  relatedItems: RelatedItem[];
}

/** Shorter episodes close before anyone is paged: the response plan starts no incident. */
export const MIN_EPISODE_MINUTES = 10;
const MINUTE = 60_000;
const IMPACT_BY_SEVERITY: Record<Alarm["severity"], number> = { sev1: 2, sev2: 3, sev3: 4 };

function uuid(random: ReturnType<typeof createRandom>): string {
  return `${random.hex(8)}-${random.hex(4)}-${random.hex(4)}-${random.hex(4)}-${random.hex(12)}`;
}

interface Episode {
  alarm: Alarm;
  start: Date;
  end: Date | null;
}

/** ALARM → OK spans of an alarm; the last one has no end while the alarm is still in ALARM. */
export function episodesOf(alarm: Alarm): Episode[] {
  const out: Episode[] = [];
  let start: Date | null = null;
  for (const t of alarm.history) {
    if (t.to === "ALARM") start ??= t.timestamp;
    else if (start) {
      out.push({ alarm, start, end: t.timestamp });
      start = null;
    }
  }
  if (start) out.push({ alarm, start, end: null });
  return out;
}

function recordsFor(data: DemoData, accountId: string): IncidentRecord[] {
  const account = data.account(accountId);
  if (account?.environment !== "prod") return [];
  const random = createRandom(data.seed, "incident-records", accountId);
  const service = account.team;
  const plan = `${service}-response-plan`;
  const planRole = `arn:aws:iam::${accountId}:role/${plan}-role`;
  const involved = `arn:aws:ecs:us-east-1:${accountId}:service/${service}-cluster/${service}-api`;
  const records: IncidentRecord[] = [];

  const build = (opts: {
    title: string;
    impact: number;
    created: Date;
    mitigated: Date | null;
    resolved: Date | null;
    source: IncidentRecord["source"];
    createdBy: string;
    invokedBy: string;
    alarmArn: string | null;
  }): IncidentRecord => {
    const id = uuid(random);
    const arn = `arn:aws:ssm-incidents::${accountId}:incident-record/${plan}/${id}`;
    const at = (minutes: number) => new Date(opts.created.getTime() + minutes * MINUTE);
    const ackAfter = random.int(2, 9);
    const timeline: TimelineEvent[] = [
      {
        id: uuid(random),
        time: opts.created,
        type: "Custom Event",
        data: opts.alarmArn ? `Detected: ${opts.title}` : `Reported by hand: ${opts.title}`,
        resources: opts.alarmArn ? [opts.alarmArn] : [],
      },
    ];
    const ackAt = at(ackAfter);
    if (!opts.mitigated || ackAt < opts.mitigated)
      timeline.push({ id: uuid(random), time: ackAt, type: "Note", data: `On-call for ${service} engaged`, resources: [] });
    if (opts.mitigated)
      timeline.push({
        id: uuid(random),
        time: opts.mitigated,
        type: "Custom Event",
        data: `Mitigated: ${service} back under its threshold`,
        resources: [involved],
      });
    if (opts.resolved)
      timeline.push({ id: uuid(random), time: opts.resolved, type: "Custom Event", data: "Incident resolved", resources: [] });
    const relatedItems: RelatedItem[] = [{ generatedId: uuid(random), type: "INVOLVED_RESOURCE", title: service, arn: involved }];
    if (opts.alarmArn)
      relatedItems.push({ generatedId: uuid(random), type: "OTHER", title: "Triggering alarm", arn: opts.alarmArn });
    return {
      arn,
      title: opts.title,
      status: opts.resolved ? "RESOLVED" : "OPEN",
      impact: opts.impact,
      creationTime: opts.created,
      resolvedTime: opts.resolved,
      lastModifiedTime: opts.resolved ?? timeline.at(-1)?.time ?? opts.created,
      source: opts.source,
      createdBy: opts.createdBy,
      invokedBy: opts.invokedBy,
      resourceArn: opts.alarmArn,
      dedupeString: uuid(random),
      summary: `${opts.title} in ${account.name}`,
      service,
      timeline: timeline.sort((a, b) => a.time.getTime() - b.time.getTime()),
      relatedItems,
    };
  };

  for (const alarm of alarms(data, accountId)) {
    for (const episode of episodesOf(alarm)) {
      const end = episode.end?.getTime() ?? data.today.getTime();
      if (end - episode.start.getTime() < MIN_EPISODE_MINUTES * MINUTE) continue;
      const created = new Date(episode.start.getTime() + random.int(60, 150) * 1000);
      const resolved = episode.end ? new Date(episode.end.getTime() + random.int(3, 25) * MINUTE) : null;
      records.push(
        build({
          title: `${service}: ${alarm.metricName} alarm (${alarm.name})`,
          impact: IMPACT_BY_SEVERITY[alarm.severity],
          created,
          mitigated: episode.end,
          resolved,
          source: "aws.cloudwatch",
          createdBy: planRole,
          invokedBy: "cloudwatch.amazonaws.com",
          alarmArn: alarm.arn,
        }),
      );
    }
  }

  // Incidents reported by people: a customer complaint, a partner outage, a data fix.
  const start = monthStart(data.today, -12).getTime();
  const span = data.today.getTime() - 2 * 86_400_000 - start;
  const manual = random.int(2, 3);
  const titles = ["customer reports failed checkouts", "partner API outage", "data correction needed"];
  for (let i = 0; i < manual; i++) {
    const created = new Date(start + Math.floor(random.next() * span));
    const minutes = random.int(30, 240);
    records.push(
      build({
        title: `${service}: ${titles[i % titles.length]}`,
        impact: random.int(1, 3),
        created,
        mitigated: new Date(created.getTime() + (minutes - 10) * MINUTE),
        resolved: new Date(created.getTime() + minutes * MINUTE),
        source: "aws.ssm-incidents.custom",
        createdBy: `arn:aws:iam::${accountId}:user/${service}-oncall`,
        invokedBy: `arn:aws:iam::${accountId}:user/${service}-oncall`,
        alarmArn: null,
      }),
    );
  }
  // Newest first, as the console lists them.
  return records.sort((a, b) => b.creationTime.getTime() - a.creationTime.getTime() || a.arn.localeCompare(b.arn));
}

export function incidentRecords(data: DemoData, accountId: string): IncidentRecord[] {
  return data.memo(`incident-records:${accountId}`, () => recordsFor(data, accountId));
}
