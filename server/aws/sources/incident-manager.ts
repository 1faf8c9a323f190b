import {
  type IncidentRecord as SdkIncidentRecord,
  type IncidentRecordSummary,
  paginateListIncidentRecords,
  paginateListRelatedItems,
  paginateListTimelineEvents,
  type SSMIncidentsClient,
} from "@aws-sdk/client-ssm-incidents";
import { serviceFromAlarmName } from "./alarm-incidents";
import { DEFAULT_CONCURRENCY, mapLimit } from "./concurrency";
import { type AccountScope, checkAborted, clientFor, type FetchContext, scopeOf } from "./types";

// AWS Systems Manager Incident Manager: incident records with their timeline and related items.
// The API has no acknowledgement time, so none is invented here.

export interface TimelineItem {
  at: Date;
  type: string;
  text: string;
}

/** Natural key: arn. */
export interface IncidentManagerRecord extends AccountScope {
  arn: string;
  title: string;
  status: string;
  /** 1 critical … 5 no impact, as Incident Manager writes it. */
  impact: number | null;
  createdAt: Date;
  /** The creation time, or an earlier impact or detection event on the timeline. */
  startedAt: Date;
  resolvedAt: Date | null;
  source: string;
  /** The CloudWatch alarm that opened it; null for records started otherwise. */
  alarmArn: string | null;
  service: string;
  url: string;
  timeline: TimelineItem[];
}

export const IMPACT_LABELS: Record<number, string> = {
  1: "Critical",
  2: "High",
  3: "Medium",
  4: "Low",
  5: "No impact",
};

export function consoleUrl(arn: string, region: string): string {
  return `https://${region}.console.aws.amazon.com/systems-manager/incidents/home?region=${region}#/incident/${encodeURIComponent(arn)}`;
}

const lastPart = (arn: string) => arn.split(/[:/]/).at(-1) ?? arn;

type RecordFields = Partial<
  Pick<SdkIncidentRecord, "arn" | "title" | "status" | "impact" | "creationTime" | "resolvedTime" | "incidentRecordSource">
>;

interface RelatedItem {
  type: string;
  title: string | null;
  arn: string | null;
}

/** The involved resource names the service; else the alarm's name does; else the title. */
export function serviceOf(title: string, alarmArn: string | null, related: readonly RelatedItem[]): string {
  const involved = related.find((r) => r.type === "INVOLVED_RESOURCE");
  if (involved?.title) return involved.title;
  if (involved?.arn) return lastPart(involved.arn);
  if (alarmArn) return serviceFromAlarmName(alarmArn.split(":alarm:").at(-1) ?? lastPart(alarmArn));
  return title;
}

/** A timeline event's summary carries its type and references; its text needs GetTimelineEvent, which Ladder does not call. */
function timelineText(type: string, references: string[]): string {
  const label = type === "Custom Event" ? "Event" : type;
  return references.length ? `${label}: ${references.map(lastPart).join(", ")}` : label;
}

// The listing's summary carries every field of the record that Ladder keeps (RecordFields), so
// GetIncidentRecord would cost a third of the source's calls for nothing new.
async function details(client: SSMIncidentsClient, scope: AccountScope, summary: IncidentRecordSummary) {
  const arn = summary.arn ?? "";
  const record: RecordFields = { ...summary, arn };
  const events: TimelineItem[] = [];
  for await (const page of paginateListTimelineEvents(
    { client },
    { incidentRecordArn: arn, sortBy: "EVENT_TIME", sortOrder: "ASCENDING" },
  )) {
    for (const e of page.eventSummaries ?? []) {
      if (!e.eventTime) continue;
      const references = (e.eventReferences ?? []).flatMap((r) =>
        r.resource ? [r.resource] : r.relatedItemId ? [r.relatedItemId] : [],
      );
      events.push({ at: e.eventTime, type: e.eventType ?? "Event", text: timelineText(e.eventType ?? "Event", references) });
    }
  }
  const related: RelatedItem[] = [];
  for await (const page of paginateListRelatedItems({ client }, { incidentRecordArn: arn })) {
    for (const item of page.relatedItems ?? []) {
      related.push({
        type: item.identifier?.type ?? "OTHER",
        title: item.title ?? null,
        arn: item.identifier?.value?.arn ?? null,
      });
    }
  }
  return toRecord(scope, record, events, related);
}

export function toRecord(
  scope: AccountScope,
  record: RecordFields,
  events: TimelineItem[],
  related: RelatedItem[],
): IncidentManagerRecord {
  const arn = record.arn ?? "";
  const title = record.title ?? lastPart(arn);
  const createdAt = record.creationTime ?? new Date(0);
  const source = record.incidentRecordSource?.source ?? "unknown";
  const resourceArn = record.incidentRecordSource?.resourceArn ?? null;
  const alarmArn = source === "aws.cloudwatch" && resourceArn?.includes(":alarm:") ? resourceArn : null;
  const resolvedAt = record.status === "RESOLVED" ? (record.resolvedTime ?? null) : null;
  const firstEvent = events.reduce<Date | null>((min, e) => (min && min <= e.at ? min : e.at), null);
  const startedAt = firstEvent && firstEvent < createdAt ? firstEvent : createdAt;
  const timeline: TimelineItem[] = [
    { at: createdAt, type: "created", text: `Incident record created (${source})` },
    ...events,
    ...(resolvedAt ? [{ at: resolvedAt, type: "resolved", text: "Incident record resolved" }] : []),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    ...scope,
    arn,
    title,
    status: record.status ?? "OPEN",
    impact: record.impact ?? null,
    createdAt,
    startedAt,
    resolvedAt,
    source,
    alarmArn,
    service: serviceOf(title, alarmArn, related),
    url: consoleUrl(arn, scope.region),
    timeline,
  };
}

/** What a listing page says of a record: every field Ladder keeps but the timeline and related items. */
export type IncidentRecordListing = IncidentRecordSummary & { arn: string };

/**
 * Incident records created after `since`, each with its details, timeline events and related
 * items, one array per listing page. `known` may answer a listed record from what was read
 * before (a record whose listing did not change); its timeline and related items are then not
 * read again.
 */
export async function* incidentManagerRecords(
  ctx: FetchContext,
  {
    since,
    known,
    concurrency = DEFAULT_CONCURRENCY,
    pageSize = 100,
  }: {
    since?: Date;
    known?: (listing: IncidentRecordListing) => IncidentManagerRecord | null;
    concurrency?: number;
    pageSize?: number;
  } = {},
): AsyncGenerator<IncidentManagerRecord[]> {
  const client = clientFor(ctx, "ssmIncidents");
  const scope = scopeOf(ctx);
  try {
    for await (const page of paginateListIncidentRecords(
      { client, pageSize },
      { filters: since ? [{ key: "creationTime", condition: { after: since } }] : undefined },
    )) {
      checkAborted(ctx);
      const summaries = (page.incidentRecordSummaries ?? []).filter((s): s is IncidentRecordListing => !!s.arn);
      const answered = summaries.map((s) => known?.(s) ?? null);
      const toRead = summaries.filter((_, i) => !answered[i]);
      const read = await mapLimit(toRead, concurrency, (s) => details(client, scope, s), ctx.signal);
      let next = 0;
      yield answered.map((record) => record ?? read[next++]!);
    }
  } finally {
    client.destroy();
  }
}
