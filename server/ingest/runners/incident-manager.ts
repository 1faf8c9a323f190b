import { costWindow } from "~/server/aws/sources/cost-window";
import {
  IMPACT_LABELS,
  type IncidentManagerRecord,
  type IncidentRecordListing,
  incidentManagerRecords,
  toRecord,
} from "~/server/aws/sources/incident-manager";
import { scopeOf } from "~/server/aws/sources/types";
import { db } from "~/server/db";
import { addCounts, type SourceContext, type SourceResult } from "../sources";
import { deleteUnseen, type Row, upsertRows } from "../upsert";

const DAY_MS = 86_400_000;

type StoredTimeline = Array<{ at: string; type: string; text: string }>;

function incidentRow(ctx: SourceContext, environment: string | null, r: IncidentManagerRecord) {
  return {
    workspaceId: ctx.account.workspaceId,
    awsAccountRef: ctx.account.ref,
    source: "incident-manager",
    externalKey: r.arn,
    title: r.title,
    accountId: r.accountId,
    service: r.service,
    environment,
    severity: r.impact === null ? null : (IMPACT_LABELS[r.impact] ?? String(r.impact)),
    severityRank: r.impact !== null && r.impact >= 1 && r.impact <= 5 ? r.impact : null,
    startedAt: r.startedAt.toISOString(),
    acknowledgedAt: null,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    durationSeconds: r.resolvedAt ? Math.round((r.resolvedAt.getTime() - r.startedAt.getTime()) / 1000) : null,
    alarmArn: r.alarmArn,
    url: r.url,
    timeline: r.timeline.map((t) => ({ at: t.at.toISOString(), type: t.type, text: t.text })),
  };
}

// The columns a listing, together with the stored timeline and service, determines.
const derived = [
  "title",
  "severity",
  "severityRank",
  "startedAt",
  "resolvedAt",
  "durationSeconds",
  "alarmArn",
  "url",
  "timeline",
];

// jsonb keeps an object's keys in its own order, so timeline items are compared field by field.
const comparable = (value: unknown) =>
  JSON.stringify(
    value instanceof Date
      ? value.toISOString()
      : Array.isArray(value)
        ? (value as StoredTimeline).map((t) => [t.at, t.type, t.text])
        : value,
  );

/**
 * The record as a full read would give it, built from its listing and the stored row, when the
 * listing is unchanged since that row was written; null when its details must be read again.
 * Only resolved records qualify: an open one's timeline grows without its listing changing (the
 * summary has no last-modified time).
 */
function fromStored(ctx: SourceContext, listing: IncidentRecordListing, stored: Row | undefined): IncidentManagerRecord | null {
  if (!stored || listing.status !== "RESOLVED") return null;
  const events = (stored.timeline as StoredTimeline)
    .filter((t) => t.type !== "created" && t.type !== "resolved")
    .map((t) => ({ at: new Date(t.at), type: t.type, text: t.text }));
  const record = { ...toRecord(scopeOf(ctx.fetch), listing, events, []), service: String(stored.service) };
  const row: Row = incidentRow(ctx, null, record);
  const unchanged = derived.every((column) => comparable(row[column]) === comparable(stored[column]));
  return unchanged ? record : null;
}

/**
 * Incident Manager records created in the same window the cost source first reads (this month and
 * the twelve before), as Incident rows of source "incident-manager". Every record is listed; the
 * timeline and related items are read only for records that are new, open, or whose listing
 * changed since the stored row (fromStored). Rows of that window that Incident Manager no longer
 * lists are removed, only once every page has been read: the listing is complete, and the records
 * answered from their stored rows are written (and so seen) like the others.
 */
export async function syncIncidentManager(ctx: SourceContext, result: SourceResult, environment: string | null) {
  const window = costWindow({ now: ctx.now });
  const since = new Date(`${window.start}T00:00:00Z`);
  const stored = new Map<string, Row>(
    (
      await db.incident.findMany({
        where: { awsAccountRef: ctx.account.ref, source: "incident-manager" },
        select: Object.fromEntries(["externalKey", "service", ...derived].map((c) => [c, true])),
      })
    ).map((row) => [String(row.externalKey), row as Row]),
  );
  const known = (listing: IncidentRecordListing) => fromStored(ctx, listing, stored.get(listing.arn));
  for await (const page of incidentManagerRecords(ctx.fetch, { since, known })) {
    addCounts(
      result,
      await upsertRows(
        "Incident",
        ["workspaceId", "source", "externalKey"],
        page.map((r) => incidentRow(ctx, environment, r)),
        ctx.runId,
      ),
    );
  }
  const tomorrow = new Date(ctx.now.getTime() + DAY_MS).toISOString().slice(0, 10);
  result.deleted += await deleteUnseen("Incident", { awsAccountRef: ctx.account.ref, source: "incident-manager" }, ctx.runId, {
    column: "startedAt",
    from: window.start,
    to: tomorrow,
  });
}
