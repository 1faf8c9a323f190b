import { z } from "zod";

const environment = z.enum(["prod", "staging", "dev", "sandbox"]);

/** The ladder's filter: environments, OU subtrees and accounts; none given means production. */
export const maturityScopeInput = z.object({
  /** Every account, including those with no environment set; the other filters still narrow it. */
  all: z.boolean().optional(),
  environments: z.array(environment).max(4).optional(),
  ouPaths: z.array(z.string().regex(/^\//, "An OU path starts with /.").max(1024)).max(50).optional(),
  accountIds: z
    .array(z.string().regex(/^\d{12}$/, "An AWS account id is 12 digits."))
    .max(1000)
    .optional(),
});

/** "What changed since" takes a calendar day, read in UTC: the comparison starts at its 00:00 UTC. */
export const sinceDayInput = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "A day is written YYYY-MM-DD.")
  .refine((day) => {
    const start = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(start.getTime()) && start.toISOString().startsWith(day);
  }, "That day does not exist.");
