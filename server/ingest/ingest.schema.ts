import { z } from "zod";
import { workspaceInput } from "~/server/workspaces/workspaces.schema";
import { sourceNames } from "./sources";

export const startSyncInput = workspaceInput.extend({
  accountRefs: z.array(z.string().min(1)).max(5000).optional(),
  sources: z.array(z.enum(sourceNames, { error: () => `Sources are: ${sourceNames.join(", ")}.` })).optional(),
});
export const runInput = workspaceInput.extend({ runId: z.string().min(1) });
export const listRunsInput = workspaceInput.extend({ limit: z.number().int().min(1).max(100).default(20) });
export const scheduleInput = workspaceInput.extend({
  syncEveryHours: z.number().int().min(1, "At least every hour.").max(168, "At least once a week.").nullable(),
});
