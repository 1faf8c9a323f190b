import type { FormatReader } from "./format-reader";
import { IncidentEmitter, sortedTimeline } from "./incident-emitter";
import { asArray, asNumber, asObject, asString, isObject, type JsonObject } from "./json-values";
import { Problems, severityRankOf, text } from "./record-fields";
import type { IncidentRecord, TimelineEntry } from "./upload-types";

// incident.io API v2 (no public export was found; the shape is that of the API reference as
// its generated SDK documents it, mustafabayar/incident-io-sdk docs/IncidentV2.md, SeverityV2.md,
// IncidentsV2Api.md): GET /v2/incidents {"incidents": [...], "pagination_meta": {...}} (one page,
// or several in a JSON array) and GET /v2/incidents/{id} {"incident": {...}}. An incident has
// id, reference ("INC-123"), name, permalink, created_at, updated_at, mode
// (standard|retrospective|test|tutorial), incident_status {category: triage|live|learning|closed|
// declined|merged|canceled}, severity {name, rank: lower is less severe} and
// incident_timestamp_values [{incident_timestamp {name}, value {value}}], whose names each
// organisation configures ("Impact started", "Reported at", "Acknowledged at", "Resolved at"…).

const SKIPPED_MODES = new Set(["test", "tutorial"]);
const SKIPPED_STATUSES = new Set(["declined", "merged", "canceled", "cancelled"]);
const RESOLVED_STATUSES = new Set(["closed", "learning", "post-incident", "post_incident"]);

interface Pending {
  record: IncidentRecord;
  /** incident.io's own rank of the severity (higher is more severe). */
  toolRank?: number;
}

export const readIncidentIo: FormatReader = (outline, _hint, sink) => {
  const doc = outline.doc;
  const isArray = Array.isArray(doc);
  const single = !isArray && isObject(asObject(doc).incident) ? asObject(asObject(doc).incident) : undefined;
  const problems = new Problems("incident.io file");
  // Held to the end: an organisation's severities are ranked against each other.
  const emitter = new IncidentEmitter(sink, true);
  const ranks = new Map<string, number>();
  let skipped = 0;
  const read = (value: unknown, where: string) => {
    const pending = readIncidentIoRecord(asObject(value), where, problems);
    if (pending === "skipped") skipped++;
    else if (pending) {
      if (pending.toolRank !== undefined && pending.record.severity) ranks.set(pending.record.severity, pending.toolRank);
      emitter.add(pending.record);
    }
  };
  return {
    header: { kind: "incidents", format: "incident-io-json", tool: { name: "incident.io" } },
    selectors: single ? [] : isArray ? ["*.incidents.*"] : ["incidents.*"],
    item(_selector, value, path) {
      const index = path[path.length - 1] as number;
      read(value, isArray ? `[${String(path[0])}].incidents[${index}]` : `incidents[${index}]`);
    },
    finish() {
      if (single) read(single, "incident");
      problems.throwIfAny();
      const byOrder = rankByOrder(ranks);
      const count = emitter.finish((record) => {
        const rank = severityRankOf(record.severity) ?? (record.severity ? byOrder.get(record.severity) : undefined);
        return rank === undefined ? record : { ...record, severityRank: rank };
      });
      if (skipped > 0) sink.warn(`${skipped} test, tutorial, declined, merged or cancelled incident(s) were left out.`);
      if (count === 0 && skipped === 0) sink.warn("The incident.io file lists no incidents.");
    },
  };
};

// Severity names Ladder does not recognise are placed by their rank among the file's severities:
// the most severe is 1 (critical), the next 2, and so on, the rest 5.
function rankByOrder(ranks: Map<string, number>): Map<string, number> {
  const distinct = [...new Set(ranks.values())].sort((a, b) => b - a);
  return new Map([...ranks].map(([name, rank]) => [name, Math.min(5, distinct.indexOf(rank) + 1)]));
}

function readIncidentIoRecord(incident: JsonObject, where: string, problems: Problems): Pending | "skipped" | undefined {
  const mode = asString(incident.mode)?.toLowerCase();
  const category = asString(asObject(incident.incident_status).category)?.toLowerCase();
  if ((mode && SKIPPED_MODES.has(mode)) || (category && SKIPPED_STATUSES.has(category))) return "skipped";
  const before = problems.total;
  const id = text(incident.id, 200);
  const title = text(incident.name, 500) ?? text(incident.reference, 500);
  if (!id) problems.add(`${where}.id: is required`);
  if (!title) problems.add(`${where}.name: is required`);
  if (!incident.created_at) problems.add(`${where}.created_at: is required`);
  const createdAt = problems.time(incident.created_at, `${where}.created_at`);
  const updatedAt = problems.time(incident.updated_at, `${where}.updated_at`);
  const stamps = asArray(incident.incident_timestamp_values).map((entry, i) => {
    const name = asString(asObject(asObject(entry).incident_timestamp).name) ?? "";
    const value = asObject(asObject(entry).value).value;
    return { name, at: problems.time(value, `${where}.incident_timestamp_values[${i}].value`) };
  });
  if (problems.total !== before || !id || !title || !createdAt) return undefined;

  const stamp = (pattern: RegExp) => stamps.find((s) => pattern.test(s.name) && s.at)?.at;
  const startedAt = stamp(/^impact start/i) ?? createdAt;
  const resolvedStamp = stamp(/^resolved/i) ?? stamp(/^(fixed|mitigated|closed)/i);
  const resolvedAt = resolvedStamp ?? (category && RESOLVED_STATUSES.has(category) ? updatedAt : undefined);
  if (resolvedAt && resolvedAt < startedAt) {
    problems.add(`${where} (${id}): it is resolved before its impact started`);
    return undefined;
  }
  const acknowledgedAt = stamp(/^(acknowledged|accepted)/i);
  const severity = asObject(incident.severity);
  const severityName = text(severity.name, 50);

  const record: IncidentRecord = { source: "incident-io", externalId: id, title, startedAt };
  if (severityName) record.severity = severityName;
  if (resolvedAt) record.resolvedAt = resolvedAt;
  if (acknowledgedAt) record.acknowledgedAt = acknowledgedAt;
  const url = text(incident.permalink, 500);
  if (url) record.url = url;
  const service = customFieldText(incident, /^(affected )?services?$/i);
  if (service) record.service = service;
  const timeline: TimelineEntry[] = stamps
    .filter((s): s is { name: string; at: Date } => s.at !== undefined && s.name !== "")
    .map((s) => ({ at: s.at.toISOString(), type: "timestamp", text: s.name }));
  if (timeline.length) record.timeline = sortedTimeline(timeline);
  const rank = asNumber(severity.rank);
  return { record, ...(rank === undefined ? {} : { toolRank: rank }) };
}

/** The first value of a custom field named like `pattern` ("Affected services"), as text. */
function customFieldText(incident: JsonObject, pattern: RegExp): string | undefined {
  for (const entry of asArray(incident.custom_field_entries).map(asObject)) {
    if (!pattern.test(asString(asObject(entry.custom_field).name) ?? "")) continue;
    const value = asObject(asArray(entry.values)[0]);
    const found =
      text(asObject(value.value_catalog_entry).name) ?? text(asObject(value.value_option).value) ?? text(value.value_text);
    if (found) return found;
  }
  return undefined;
}
