import type { FormatReader } from "./format-reader";
import { IncidentEmitter, sortedTimeline } from "./incident-emitter";
import { asArray, asNumber, asObject, asString, isObject, type JsonObject } from "./json-values";
import { Problems, severityRankOf, text } from "./record-fields";
import type { IncidentRecord, TimelineEntry } from "./upload-types";

// PagerDuty REST API v2 (PagerDuty/api-schema reference/REST/openapiv3.json):
// - a GET /incidents page {"incidents": [...], "limit", "offset", "more", "total"},
// - several pages in one JSON array,
// - one incident {"incident": {...}} (GET /incidents/{id}),
// each optionally with the log entries of GET /incidents/{id}/log_entries, either beside the
// incidents ({"log_entries": [...]}, matched by log_entry.incident.id) or inside an incident
// ("log_entries": [...]). The first Acknowledge entry is the acknowledgement time (the
// incident's own acknowledgements list is emptied once it is resolved).

type Where = { page?: number; index?: number };

const label = ({ page, index }: Where) =>
  index === undefined ? "incident" : `${page === undefined ? "" : `[${page}].`}incidents[${index}]`;

export const readPagerDutyJson: FormatReader = (outline, _hint, sink) => {
  const doc = outline.doc;
  const pages = Array.isArray(doc) ? doc.map(asObject) : [asObject(doc)];
  const isArray = Array.isArray(doc);
  const hasSeparateLog = pages.some((page) => Array.isArray(page.log_entries));
  const single = !isArray && isObject(asObject(doc).incident) ? asObject(asObject(doc).incident) : undefined;
  const problems = new Problems("PagerDuty file");
  const emitter = new IncidentEmitter(sink, hasSeparateLog);
  const logs = new Map<string, JsonObject[]>();

  const read = (value: unknown, where: Where) => {
    const record = readIncident(asObject(value), label(where), problems);
    if (record) emitter.add(record);
  };

  return {
    header: { kind: "incidents", format: "pagerduty-json", tool: { name: "PagerDuty" } },
    selectors: single ? ["log_entries.*"] : isArray ? ["*.incidents.*", "*.log_entries.*"] : ["incidents.*", "log_entries.*"],
    item(selector, value, path) {
      if (selector.endsWith("log_entries.*")) {
        const entry = asObject(value);
        const incidentId = asString(asObject(entry.incident).id);
        if (incidentId) logs.set(incidentId, [...(logs.get(incidentId) ?? []), entry]);
        return;
      }
      const index = path[path.length - 1] as number;
      read(value, isArray ? { page: path[0] as number, index } : { index });
    },
    finish() {
      if (single) read(single, {});
      problems.throwIfAny();
      const count = emitter.finish((incident) => withLogEntries(incident, logs.get(incident.externalId) ?? []));
      if (count === 0) sink.warn("The PagerDuty file lists no incidents.");
    },
  };
};

function readIncident(incident: JsonObject, where: string, problems: Problems): IncidentRecord | undefined {
  const number = asNumber(incident.incident_number);
  // Exports that blank ids (test data) still carry the account-wide incident number.
  const id = asString(incident.id) ?? (number === undefined ? undefined : `#${number}`);
  const title = text(incident.title, 500) ?? text(incident.summary, 500) ?? text(incident.description, 500);
  const before = problems.total;
  if (!id) problems.add(`${where}.id: is required`);
  if (!title) problems.add(`${where}.title: is required`);
  if (incident.created_at === undefined || incident.created_at === null) problems.add(`${where}.created_at: is required`);
  const startedAt = problems.time(incident.created_at, `${where}.created_at`);
  const isResolved = asString(incident.status) === "resolved";
  const resolvedField = incident.resolved_at ? "resolved_at" : "last_status_change_at";
  const resolvedAt = isResolved ? problems.time(incident[resolvedField], `${where}.${resolvedField}`) : undefined;
  if (isResolved && !incident[resolvedField])
    problems.add(`${where}.resolved_at: a resolved incident needs resolved_at or last_status_change_at`);
  if (startedAt && resolvedAt && resolvedAt < startedAt) {
    problems.add(`${where} (${id ?? "no id"}).${resolvedField}: is before created_at`);
  }
  if (problems.total !== before || !id || !title || !startedAt) return undefined;

  const priority = text(asObject(incident.priority).summary, 50) ?? text(asObject(incident.priority).name, 50);
  const urgency = text(incident.urgency, 20);
  const acknowledgements = asArray(incident.acknowledgements)
    .map((ack) => asString(asObject(ack).at))
    .filter((at): at is string => at !== undefined)
    .sort();
  const record: IncidentRecord = {
    source: "pagerduty",
    externalId: id.slice(0, 200),
    title: title,
    startedAt,
  };
  const service = text(asObject(incident.service).summary);
  if (service) record.service = service;
  const severity = priority ?? urgency;
  if (severity) record.severity = severity;
  const rank = priority ? severityRankOf(priority) : urgency === "high" ? 2 : urgency === "low" ? 4 : undefined;
  if (rank !== undefined) record.severityRank = rank;
  if (resolvedAt) record.resolvedAt = resolvedAt;
  const acknowledged = problems.time(acknowledgements[0], `${where}.acknowledgements`);
  if (acknowledged) record.acknowledgedAt = acknowledged;
  const url = text(incident.html_url, 500);
  if (url) record.url = url;
  const trigger = asObject(incident.first_trigger_log_entry);
  return withLogEntries(record, [
    ...(Object.keys(trigger).length ? [trigger] : []),
    ...asArray(incident.log_entries).map(asObject),
  ]);
}

/** Adds log entries to the timeline; the first Acknowledge entry sets acknowledgedAt when the incident has none. */
function withLogEntries(incident: IncidentRecord, entries: JsonObject[]): IncidentRecord {
  if (entries.length === 0) return incident;
  const timeline: TimelineEntry[] = [...(incident.timeline ?? [])];
  const known = new Set(timeline.map((entry) => `${entry.at} ${entry.type}`));
  let firstAck: Date | undefined;
  for (const entry of entries) {
    const at = new Date(asString(entry.created_at) ?? "");
    if (Number.isNaN(at.getTime())) continue;
    const type = (asString(entry.type) ?? "log_entry").replace(/_log_entry(_reference)?$/, "");
    if (type === "acknowledge" && (!firstAck || at < firstAck)) firstAck = at;
    const key = `${at.toISOString()} ${type}`;
    if (known.has(key)) continue;
    known.add(key);
    timeline.push({ at: at.toISOString(), type, text: text(entry.summary, 500) ?? type });
  }
  const acknowledgedAt =
    incident.acknowledgedAt && firstAck && firstAck < incident.acknowledgedAt ? firstAck : (incident.acknowledgedAt ?? firstAck);
  return {
    ...incident,
    ...(acknowledgedAt ? { acknowledgedAt } : {}),
    ...(timeline.length ? { timeline: sortedTimeline(timeline) } : {}),
  };
}
