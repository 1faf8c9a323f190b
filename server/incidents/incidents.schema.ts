import { z } from "zod";

// The incidents filters, shared by the tRPC procedures, the export route and the page's URL
// (from, to, bucket, ou, environment, account, service, window).

const day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "A day is written YYYY-MM-DD (UTC).");

const filterFields = {
  from: day.optional(),
  to: day.optional(),
  bucket: z.enum(["week", "month"]).optional(),
  /** An OU id ("ou-…") or an OU path ("/Workloads/Prod"): accounts below it. */
  ou: z
    .string()
    .max(1024)
    .regex(/^(\/|ou-|r-)/, 'An OU is its id ("ou-…") or its path ("/Workloads").')
    .optional(),
  environment: z.enum(["prod", "staging", "dev", "sandbox"]).optional(),
  accountId: z
    .string()
    .regex(/^\d{12}$/, "An AWS account id is 12 digits.")
    .optional(),
  service: z.string().min(1).max(256).optional(),
  /** Hours after a deployment in which an incident on its service marks it failed. */
  failureWindowHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .optional(),
};

const rangeInOrder = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from < f.to;
const rangeMessage = { message: "The range's start must come before its end.", path: ["from"] };

export const incidentFiltersInput = z.object(filterFields).refine(rangeInOrder, rangeMessage);

export const incidentsListInput = z
  .object({
    ...filterFields,
    page: z.number().int().min(1).max(100_000).optional(),
    pageSize: z.number().int().min(1).max(500).optional(),
  })
  .refine(rangeInOrder, rangeMessage);

export const incidentDetailInput = z.object({ incidentId: z.string().min(1).max(64) });

export const compareInput = z.object({
  changeId: z.string().min(1).max(512),
  windowDays: z.number().int().min(7).max(365).optional(),
  failureWindowHours: filterFields.failureWindowHours,
});

export type IncidentFiltersInput = z.infer<typeof incidentFiltersInput>;
