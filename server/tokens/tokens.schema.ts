import { z } from "zod";
import { roleSchema, workspaceInput } from "~/server/workspaces/workspaces.schema";

export const createTokenInput = workspaceInput.extend({
  name: z.string().trim().min(1, "Name the token after where it is used, e.g. “GitHub Actions”.").max(80),
  role: roleSchema.refine((r) => r !== "owner", "A token can be at most an admin."),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(null),
});
export const revokeTokenInput = workspaceInput.extend({ tokenId: z.string().min(1) });
