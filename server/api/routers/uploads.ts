import { z } from "zod";
import { listUploads } from "~/server/uploads/uploads.service";
import { workspaceInput } from "~/server/workspaces/workspaces.schema";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const uploadsRouter = createTRPCRouter({
  list: workspaceProcedure("viewer")
    .input(workspaceInput.extend({ limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ ctx, input }) => listUploads({ workspaceId: ctx.workspace.id, limit: input.limit })),
});
