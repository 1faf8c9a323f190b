import { z } from "zod";
import { AppError } from "~/server/errors";
import type { IncidentRecord, UploadDraft } from "./upload-types";

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
});

/**
 * The incidents upload: {"incidents": [incident, …]} or a bare array of incidents, where an
 * incident is {id, title, service?, severity?, accountId?, startedAt, resolvedAt?}.
 */
export const incidentsUploadSchema = z
  .union([z.object({ incidents: z.array(z.unknown()) }).transform((upload) => upload.incidents), z.array(z.unknown())])
  .pipe(z.array(incidentSchema));

export function parseIncidents(json: unknown): UploadDraft {
  const parsed = incidentsUploadSchema.safeParse(json);
  if (!parsed.success) throw new AppError("BAD_REQUEST", describeIssues(parsed.error));
  const incidents: IncidentRecord[] = [];
  const seen = new Set<string>();
  for (const [index, incident] of parsed.data.entries()) {
    if (incident.resolvedAt && incident.resolvedAt < incident.startedAt) {
      throw new AppError("BAD_REQUEST", `incidents[${index}] (${incident.id}): resolvedAt is before startedAt.`);
    }
    if (seen.has(incident.id)) {
      throw new AppError(
        "BAD_REQUEST",
        `incidents[${index}]: id "${incident.id}" appears more than once; each incident needs its own id.`,
      );
    }
    seen.add(incident.id);
    incidents.push({
      externalId: incident.id,
      title: incident.title,
      ...(incident.service ? { service: incident.service } : {}),
      ...(incident.severity ? { severity: incident.severity } : {}),
      ...(incident.accountId ? { accountId: incident.accountId } : {}),
      startedAt: incident.startedAt,
      ...(incident.resolvedAt ? { resolvedAt: incident.resolvedAt } : {}),
    });
  }
  return {
    kind: "incidents",
    format: "incidents-json",
    tool: { name: "incidents" },
    findings: [],
    components: [],
    incidents,
    warnings: incidents.length === 0 ? ["The incidents file lists no incidents."] : [],
  };
}

function isRealCalendarDate(day: string): boolean {
  const [year, month, date] = day.split("-").map(Number);
  if (year === undefined || month === undefined || date === undefined) return false;
  const utc = new Date(Date.UTC(year, month - 1, date));
  return utc.getUTCMonth() === month - 1 && utc.getUTCDate() === date;
}

function describeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => `${pathLabel(issue.path)}: ${issue.message}`);
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more problem(s))` : "";
  return `The incidents file is invalid: ${issues.join("; ")}${more}.`;
}

// The leading array index is the incident's position in the list.
function pathLabel(path: PropertyKey[]): string {
  const [index, ...rest] = path;
  if (index === undefined) return "the file";
  return `incidents[${String(index)}]${rest.map((key) => `.${String(key)}`).join("")}`;
}
