import { z } from "zod";

export const claimScopeInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("organization") }),
  z.object({
    kind: z.literal("ou"),
    ouPath: z.string().trim().regex(/^\//, "An OU path starts with /, e.g. /Workloads/Prod.").max(1024),
  }),
  z.object({ kind: z.literal("account"), accountId: z.string().regex(/^\d{12}$/, "An AWS account id is 12 digits.") }),
]);

const futureDate = z.coerce.date({ error: "Give the expiry as a date." });

export const attestInput = z.object({
  checkId: z.string().min(1).max(100),
  scope: claimScopeInput,
  evidenceUrl: z.url({ protocol: /^https?$/, error: "The evidence link must be an http(s) URL." }).max(2000),
  note: z.string().trim().min(1, "Say what the evidence shows.").max(2000),
  expiresAt: futureDate,
});

export const waiverInput = z.object({
  checkId: z.string().min(1).max(100),
  scope: claimScopeInput,
  reason: z.string().trim().min(10, "Give the reason in a sentence: reviewers read it.").max(2000),
  expiresAt: futureDate,
});

export const claimIdInput = z.object({ id: z.string().min(1).max(100) });
export const claimsInput = z.object({ checkId: z.string().min(1).max(100).optional() });
