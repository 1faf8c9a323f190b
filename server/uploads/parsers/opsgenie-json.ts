import type { FormatReader } from "./format-reader";
import { IncidentEmitter } from "./incident-emitter";
import { asArray, asNumber, asObject, asString, isObject, type JsonObject } from "./json-values";
import { environmentOf, Problems, severityRankOf, text } from "./record-fields";
import type { IncidentRecord, TimelineEntry } from "./upload-types";

// Opsgenie list responses {"data": [...]} (one page, or several pages in a JSON array) and
// single responses {"data": {...}}, of either
// - Alert API v2 alerts (opsgenie-python-sdk docs/Alert.md, AlertReport.md): id, tinyId, alias,
//   message, status open|closed, createdAt, updatedAt, priority P1–P5, tags, entity, source,
//   report {ackTime, closeTime} as durations after createdAt; or
// - Incident API v1 incidents (the shared sample, GET /v1/incidents): message, status, priority,
//   createdAt, impactStartDate, impactEndDate, tags, links.web.
//
// report.ackTime/closeTime units: DX's schema (docs.getdx.com/schema/opsgenie_alerts) says
// seconds; Opsgenie's own examples (ackTime 15702, closeTime 60503) fit milliseconds; no real
// export with both the durations and the close time was found. A closed alert settles it: the
// unit whose close lands nearest before its updatedAt is used; without one, milliseconds.

type Unit = 1 | 1000;

export const readOpsgenie: FormatReader = (outline, _hint, sink) => {
  const doc = outline.doc;
  const isArray = Array.isArray(doc);
  const single = !isArray && isObject(asObject(doc).data) ? asObject(asObject(doc).data) : undefined;
  const problems = new Problems("Opsgenie file");
  const emitter = new IncidentEmitter(sink, false);
  const read = (value: unknown, where: string) => {
    const record = readOpsgenieRecord(asObject(value), where, problems);
    if (record) emitter.add(record);
  };
  return {
    header: { kind: "incidents", format: "opsgenie-json", tool: { name: "Opsgenie" } },
    selectors: single ? [] : isArray ? ["*.data.*"] : ["data.*"],
    item(_selector, value, path) {
      const index = path[path.length - 1] as number;
      read(value, isArray ? `[${String(path[0])}].data[${index}]` : `data[${index}]`);
    },
    finish() {
      if (single) read(single, "data");
      problems.throwIfAny();
      if (emitter.finish() === 0) sink.warn("The Opsgenie file lists no alerts or incidents.");
    },
  };
};

function readOpsgenieRecord(item: JsonObject, where: string, problems: Problems): IncidentRecord | undefined {
  const before = problems.total;
  const id = text(item.id, 200);
  const title = text(item.message, 500);
  if (!id) problems.add(`${where}.id: is required`);
  if (!title) problems.add(`${where}.message: is required`);
  if (!item.createdAt) problems.add(`${where}.createdAt: is required`);
  const createdAt = problems.time(item.createdAt, `${where}.createdAt`);
  const updatedAt = problems.time(item.updatedAt, `${where}.updatedAt`);
  const isIncident = "impactStartDate" in item || "impactedServices" in item;
  const impactStart = problems.time(item.impactStartDate, `${where}.impactStartDate`);
  const impactEnd = problems.time(item.impactEndDate, `${where}.impactEndDate`);
  if (problems.total !== before || !id || !title || !createdAt) return undefined;

  const status = asString(item.status)?.toLowerCase();
  const isClosed = status === "closed" || status === "resolved";
  const report = asObject(item.report);
  const unit = isClosed ? reportUnit(createdAt, asNumber(report.closeTime), updatedAt) : 1;
  const after = (duration: number | undefined) =>
    duration === undefined || duration < 0 ? undefined : new Date(createdAt.getTime() + duration * unit);
  const startedAt = isIncident ? (impactStart ?? createdAt) : createdAt;
  const resolvedAt = isIncident
    ? (impactEnd ?? (isClosed ? updatedAt : undefined))
    : isClosed
      ? (after(asNumber(report.closeTime)) ?? updatedAt)
      : undefined;
  if (resolvedAt && resolvedAt < startedAt) {
    problems.add(`${where} (${id}): ${isIncident ? "impactEndDate" : "report.closeTime"} ends before the start`);
    return undefined;
  }
  const acknowledgedAt = isIncident ? undefined : after(asNumber(report.ackTime));
  const tags = asArray(item.tags).map((tag) => asString(tag) ?? "");
  const tagValue = (...names: string[]) =>
    tags
      .map((tag) => /^([\w.-]+)\s*[:=]\s*(.+)$/.exec(tag))
      .find((match) => match && names.includes(match[1]!.toLowerCase()))?.[2];
  const service = text(tagValue("service", "app", "application")) ?? text(asObject(item.details).service) ?? text(item.entity);
  const environment = environmentOf(tagValue("env", "environment", "stage") ?? asString(asObject(item.details).environment));
  const priority = text(item.priority, 20);

  const record: IncidentRecord = { source: "opsgenie", externalId: id, title, startedAt };
  if (service) record.service = service;
  if (environment) record.environment = environment;
  if (priority) record.severity = priority;
  const rank = severityRankOf(priority);
  if (rank !== undefined) record.severityRank = rank;
  if (resolvedAt) record.resolvedAt = resolvedAt;
  if (acknowledgedAt) record.acknowledgedAt = acknowledgedAt;
  const url = text(asObject(item.links).web, 500);
  if (url) record.url = url;
  record.timeline = timelineOf(item, { createdAt, acknowledgedAt, resolvedAt, isIncident });
  return record;
}

function reportUnit(createdAt: Date, closeTime: number | undefined, updatedAt: Date | undefined): Unit {
  if (closeTime === undefined || !updatedAt) return 1;
  const slack = 1000;
  const fits = ([1, 1000] as Unit[]).filter((unit) => createdAt.getTime() + closeTime * unit <= updatedAt.getTime() + slack);
  if (fits.length === 0) return 1;
  return fits.reduce((best, unit) =>
    Math.abs(updatedAt.getTime() - (createdAt.getTime() + closeTime * unit)) <
    Math.abs(updatedAt.getTime() - (createdAt.getTime() + closeTime * best))
      ? unit
      : best,
  );
}

function timelineOf(
  item: JsonObject,
  times: { createdAt: Date; acknowledgedAt?: Date; resolvedAt?: Date; isIncident: boolean },
): TimelineEntry[] {
  const what = times.isIncident ? "Incident" : "Alert";
  const names = [
    asString(item.tinyId) && `tiny id ${asString(item.tinyId)}`,
    asString(item.alias) && `alias ${asString(item.alias)}`,
  ].filter(Boolean);
  const report = asObject(item.report);
  const timeline: TimelineEntry[] = [
    {
      at: times.createdAt.toISOString(),
      type: "created",
      text: `${what} created${names.length ? ` (${names.join(", ")})` : ""}`,
    },
  ];
  if (times.acknowledgedAt) {
    const by = asString(report.acknowledgedBy);
    timeline.push({ at: times.acknowledgedAt.toISOString(), type: "acknowledge", text: `Acknowledged${by ? ` by ${by}` : ""}` });
  }
  if (times.resolvedAt) {
    const by = asString(report.closedBy);
    timeline.push({ at: times.resolvedAt.toISOString(), type: "resolve", text: `Closed${by ? ` by ${by}` : ""}` });
  }
  return timeline;
}
