import { AppError } from "~/server/errors";
import { CsvRecords, type CsvRecord } from "~/server/focus/csv-records";
import type { ByteSource } from "~/server/uploads/json/byte-source";
import { UploadTally } from "./build-upload";
import type { ReportHeader } from "./format-reader";
import { parseZonedTime, Problems, severityRankOf, timeAdvice } from "./record-fields";
import type { IncidentRecord, UploadSummary } from "./upload-types";

// PagerDuty's CSV incident export. Its columns are not published, and no real export was found
// to check them against (research/incidents.md §4.2, "CSV export columns: not found"). Accepted:
// - the snake_case names of PagerDuty's incident analytics (POST /analytics/raw/incidents in
//   PagerDuty/api-schema reference/REST/openapiv3.json), which its Insights CSV download uses:
//   id, incident_number, description, service_name, created_at, resolved_at, urgency,
//   priority_name, seconds_to_first_ack, seconds_to_resolve, status;
// - the spaced, capitalised names of the web UI's incident list download ("Incident ID", "#",
//   "Title"/"Description", "Urgency", "Priority", "Status", "Service Name", "Created On",
//   "Resolved On", "URL"), matched without regard to case, spaces or underscores.
// A time must carry its zone ("2026-02-10T09:14:05Z", "2026-02-10 09:14:05 UTC", "… +01:00"):
// a zoneless time is refused rather than read in a guessed zone.

type Column =
  | "id"
  | "number"
  | "title"
  | "status"
  | "urgency"
  | "priority"
  | "service"
  | "created"
  | "resolved"
  | "url"
  | "ackSeconds"
  | "resolveSeconds";

const COLUMNS: Record<string, Column> = {
  id: "id",
  incident_id: "id",
  incident_number: "number",
  number: "number",
  "#": "number",
  title: "title",
  incident_title: "title",
  description: "title",
  summary: "title",
  status: "status",
  urgency: "urgency",
  priority: "priority",
  priority_name: "priority",
  service_name: "service",
  service: "service",
  created_on: "created",
  created_at: "created",
  created: "created",
  resolved_on: "resolved",
  resolved_at: "resolved",
  resolved: "resolved",
  html_url: "url",
  url: "url",
  incident_url: "url",
  link: "url",
  seconds_to_first_ack: "ackSeconds",
  seconds_to_resolve: "resolveSeconds",
};

const columnOf = (name: string): Column | undefined =>
  COLUMNS[
    name.trim() === "#"
      ? "#"
      : name
          .trim()
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "_")
          .replace(/^_|_$/g, "")
  ];

/** A CSV whose header names a PagerDuty incident's id (or number) and creation time, and one more of its fields. */
export function isPagerDutyCsv(kind: string | undefined, first: Uint8Array): boolean {
  const named = kind?.trim().toLowerCase();
  if (named && named !== "incidents") return false;
  const head = Buffer.from(first.subarray(0, 64 * 1024))
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  const firstLine = head.split(/\r?\n/, 1)[0] ?? "";
  if (!firstLine.includes(",") || /^\s*[[{]/.test(firstLine)) return false;
  const columns = new Set(firstLine.split(",").map((cell) => columnOf(cell.replace(/^"|"$/g, ""))));
  const hasKey = columns.has("id") || columns.has("number");
  const more = ["title", "urgency", "service", "status", "priority"].some((c) => columns.has(c as Column));
  return hasKey && columns.has("created") && more;
}

export const pagerDutyCsvHeader: ReportHeader = { kind: "incidents", format: "pagerduty-csv", tool: { name: "PagerDuty" } };

/** Reads the export chunk by chunk; each incident goes to `incident`, `afterChunk` runs after every chunk. */
export async function readPagerDutyCsv(opts: {
  source: ByteSource;
  incident(record: IncidentRecord): void;
  afterChunk(): Promise<void>;
}): Promise<{ header: ReportHeader; summary: UploadSummary; warnings: string[] }> {
  const records = new CsvRecords();
  const tally = new UploadTally("PagerDuty");
  const problems = new Problems("PagerDuty CSV export");
  const seen = new Set<string>();
  let columns: (Column | undefined)[] | undefined;
  let names: string[] = [];
  let repeats = 0;
  const onRecord = (cells: CsvRecord, line: number) => {
    if (!columns) {
      names = cells.map((cell) => (cell ?? "").trim());
      columns = names.map(columnOf);
      return;
    }
    if (cells.every((cell) => cell === null)) return;
    const row = readRow(cells, columns, names, line, problems);
    if (!row) return;
    if (seen.has(row.externalId)) {
      repeats++;
      return;
    }
    seen.add(row.externalId);
    tally.incident();
    opts.incident(row);
  };
  for await (const chunk of opts.source()) {
    records.push(chunk, onRecord);
    problems.throwIfAny();
    await opts.afterChunk();
  }
  records.end(onRecord);
  problems.throwIfAny();
  if (!columns) throw new AppError("BAD_REQUEST", "The PagerDuty CSV export is empty: it starts with a header line.");
  const warnings = [
    ...(repeats > 0 ? [`${repeats} row(s) repeat an incident already read; each incident was imported once.`] : []),
    ...(seen.size === 0 ? ["The PagerDuty CSV export lists no incidents."] : []),
  ];
  return { header: pagerDutyCsvHeader, summary: tally.summary(), warnings };
}

function readRow(
  cells: CsvRecord,
  columns: (Column | undefined)[],
  names: string[],
  line: number,
  problems: Problems,
): IncidentRecord | undefined {
  const value = (column: Column) => {
    const index = columns.indexOf(column);
    return index < 0 ? undefined : (cells[index]?.trim() ?? undefined) || undefined;
  };
  const where = (column: Column) => `line ${line}, ${JSON.stringify(names[columns.indexOf(column)] ?? column)}`;
  const before = problems.total;
  const number = value("number");
  const id = value("id") ?? (number ? `#${number}` : undefined);
  const title = value("title") ?? (number ? `PagerDuty incident #${number}` : undefined);
  if (!id) problems.add(`line ${line}: the incident has no id or number`);
  else if (!title) problems.add(`line ${line}: the incident has no title or description`);
  const created = value("created");
  if (!created) problems.add(`${where("created")}: is required`);
  const startedAt = created ? csvTime(created, where("created"), problems) : undefined;
  const resolved = value("resolved");
  const resolveSeconds = Number(value("resolveSeconds") ?? Number.NaN);
  const resolvedAt = resolved
    ? csvTime(resolved, where("resolved"), problems)
    : startedAt && Number.isFinite(resolveSeconds) && resolveSeconds >= 0
      ? new Date(startedAt.getTime() + resolveSeconds * 1000)
      : undefined;
  if (startedAt && resolvedAt && resolvedAt < startedAt) problems.add(`line ${line} (${id}): resolved before it was created`);
  if (problems.total !== before || !id || !title || !startedAt) return undefined;

  const record: IncidentRecord = { source: "pagerduty", externalId: id.slice(0, 200), title: title.slice(0, 500), startedAt };
  const service = value("service");
  if (service) record.service = service.slice(0, 300);
  const priority = value("priority");
  const urgency = value("urgency")?.toLowerCase();
  const severity = priority ?? urgency;
  if (severity) record.severity = severity.slice(0, 50);
  const rank = priority ? severityRankOf(priority) : urgency === "high" ? 2 : urgency === "low" ? 4 : undefined;
  if (rank !== undefined) record.severityRank = rank;
  if (resolvedAt) record.resolvedAt = resolvedAt;
  const ackSeconds = Number(value("ackSeconds") ?? Number.NaN);
  if (Number.isFinite(ackSeconds) && ackSeconds >= 0) record.acknowledgedAt = new Date(startedAt.getTime() + ackSeconds * 1000);
  const url = value("url");
  if (url) record.url = url.slice(0, 500);
  return record;
}

// "2026-02-10 09:14:05 UTC" and "2026-02-10 09:14:05 +0100" are read as the ISO times they are.
function csvTime(text: string, where: string, problems: Problems): Date | undefined {
  const iso = text
    .trim()
    .replace(/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})/, "$1T$2")
    .replace(/\s*(UTC|GMT)$/i, "Z")
    .replace(/\s+([+-]\d{2}):?(\d{2})$/, "$1:$2");
  const time = parseZonedTime(iso);
  if (!time) {
    const zoneless = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(iso);
    problems.add(
      `${where}: ${zoneless ? "has no time zone; export with times in UTC, or with their offset" : timeAdvice} (found ${JSON.stringify(text).slice(0, 60)})`,
    );
  }
  return time;
}
