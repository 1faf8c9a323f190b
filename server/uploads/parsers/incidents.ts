import { z } from "zod";
import { AppError } from "~/server/errors";
import type { FormatReader } from "./format-reader";
import { asObject } from "./json-values";
import { environmentOf, severityRankOf } from "./record-fields";

const dateTimeMessage = "must be an ISO 8601 date-time with a timezone, e.g. 2024-05-01T09:30:00Z";

// Zod's ISO check accepts 2024-02-30 (JavaScript would roll it over to 1 March), so the
// calendar date is checked on its own as well.
const isoDateTime = z.iso
  .datetime({ offset: true, error: dateTimeMessage })
  .refine((value) => isRealCalendarDate(value.slice(0, 10)), { message: `${dateTimeMessage}; that day does not exist` })
  .transform((value) => new Date(value));

const optionalText = z.string().trim().min(1).max(200).nullish();

const incidentSchema = z.object({
  id: z.union([z.string().trim().min(1).max(200), z.number().int()], { error: "must be a non-empty string" }).transform(String),
  title: z.string({ error: "is required" }).trim().min(1, "must not be empty").max(500),
  service: optionalText,
  severity: optionalText,
  accountId: z
    .string()
    .regex(/^\d{12}$/, "must be a 12-digit AWS account ID")
    .nullish(),
  startedAt: isoDateTime,
  resolvedAt: isoDateTime.nullish(),
  acknowledgedAt: isoDateTime.nullish(),
  environment: optionalText,
  url: z.string().trim().max(500).url("must be a URL").nullish(),
});

/**
 * The incidents upload: {"incidents": [incident, …]} or a bare array of incidents, where an
 * incident is {id, title, service?, severity?, accountId?, environment?, startedAt, acknowledgedAt?,
 * resolvedAt?, url?}. A severity Ladder knows (SEV1, P1, critical … none) sets the severity rank;
 * an environment it knows (production, stg, …) is stored as prod/staging/dev/sandbox.
 * Every incident is checked; the first three problems are named and nothing is stored.
 */
export const readIncidents: FormatReader = (outline, _hint, sink) => {
  const isBare = Array.isArray(outline.doc);
  if (!isBare && !Array.isArray(asObject(outline.doc).incidents)) {
    throw new AppError("BAD_REQUEST", "The incidents file is invalid: incidents: must be a list of incidents.");
  }
  const problems: string[] = [];
  let problemCount = 0;
  const seen = new Set<string>();
  let count = 0;
  const problem = (text: string) => {
    problemCount++;
    if (problems.length < 3) problems.push(text);
  };
  return {
    header: { kind: "incidents", format: "incidents-json", tool: { name: "incidents" } },
    selectors: [isBare ? "*" : "incidents.*"],
    item(_selector, value, path) {
      const index = path[path.length - 1] as number;
      count++;
      const parsed = incidentSchema.safeParse(value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problem(`${pathLabel([index, ...issue.path])}: ${issue.message}`);
        return;
      }
      const incident = parsed.data;
      if (incident.resolvedAt && incident.resolvedAt < incident.startedAt) {
        problem(`incidents[${index}] (${incident.id}): resolvedAt is before startedAt`);
        return;
      }
      if (incident.acknowledgedAt && incident.acknowledgedAt < incident.startedAt) {
        problem(`incidents[${index}] (${incident.id}): acknowledgedAt is before startedAt`);
        return;
      }
      if (seen.has(incident.id)) {
        problem(`incidents[${index}]: id "${incident.id}" appears more than once; each incident needs its own id`);
        return;
      }
      seen.add(incident.id);
      const severityRank = severityRankOf(incident.severity ?? undefined);
      const environment = environmentOf(incident.environment ?? undefined);
      sink.incident({
        externalId: incident.id,
        title: incident.title,
        ...(incident.service ? { service: incident.service } : {}),
        ...(incident.severity ? { severity: incident.severity } : {}),
        ...(incident.accountId ? { accountId: incident.accountId } : {}),
        startedAt: incident.startedAt,
        ...(incident.resolvedAt ? { resolvedAt: incident.resolvedAt } : {}),
        ...(severityRank === undefined ? {} : { severityRank }),
        ...(environment ? { environment } : {}),
        ...(incident.acknowledgedAt ? { acknowledgedAt: incident.acknowledgedAt } : {}),
        ...(incident.url ? { url: incident.url } : {}),
      });
    },
    finish() {
      if (problemCount > 0) {
        const more = problemCount > 3 ? ` (and ${problemCount - 3} more problem(s))` : "";
        throw new AppError("BAD_REQUEST", `The incidents file is invalid: ${problems.join("; ")}${more}.`);
      }
      if (count === 0) sink.warn("The incidents file lists no incidents.");
    },
  };
};

function isRealCalendarDate(day: string): boolean {
  const [year, month, date] = day.split("-").map(Number);
  if (year === undefined || month === undefined || date === undefined) return false;
  const utc = new Date(Date.UTC(year, month - 1, date));
  return utc.getUTCMonth() === month - 1 && utc.getUTCDate() === date;
}

// The leading array index is the incident's position in the list.
function pathLabel(path: PropertyKey[]): string {
  const [index, ...rest] = path;
  if (index === undefined) return "the file";
  return `incidents[${String(index)}]${rest.map((key) => `.${String(key)}`).join("")}`;
}
