import { z } from "zod";

// The FinOps filters, shared by the tRPC procedures, the export route and the page's URL.

const month = z
  .string()
  .regex(/^(\d{4}-(0[1-9]|1[0-2])|mtd)$/, 'A period is a month written YYYY-MM, or "mtd" (this month to date).');

export const finopsFiltersInput = z.object({
  period: month.optional(),
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
});

export const drillRefInput = z.object({
  table: z.enum(["ec2", "nodepool", "commitment", "focus"]),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  accountId: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  instanceType: z.string().max(64).optional(),
  purchaseOption: z.enum(["on_demand", "spot", "reserved", "savings_plans"]).optional(),
  nodePool: z.string().max(256).optional(),
  architecture: z.enum(["graviton", "x86", "other"]).optional(),
});

export const rowsInput = z.object({
  drill: drillRefInput,
  filters: finopsFiltersInput.optional(),
  page: z.number().int().min(1).max(100_000).optional(),
  pageSize: z.number().int().min(1).max(500).optional(),
});

export type FinOpsFiltersInput = z.infer<typeof finopsFiltersInput>;
export type RowsInput = z.infer<typeof rowsInput>;
