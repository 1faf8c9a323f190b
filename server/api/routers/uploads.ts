import { z } from "zod";
import { getUploadStatus, listStagedReports } from "~/server/uploads/intake.service";
import { listUploads } from "~/server/uploads/uploads.service";
import { workspaceInput } from "~/server/workspaces/workspaces.schema";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const uploadsRouter = createTRPCRouter({
  list: workspaceProcedure("viewer")
    .input(workspaceInput.extend({ limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ ctx, input }) => listUploads({ workspaceId: ctx.workspace.id, limit: input.limit })),

  // The page follows a report answered with 202 here until it is stored or failed.
  status: workspaceProcedure("viewer")
    .input(workspaceInput.extend({ id: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => getUploadStatus({ workspaceId: ctx.workspace.id, id: input.id })),

  pending: workspaceProcedure("viewer").query(({ ctx }) => listStagedReports({ workspaceId: ctx.workspace.id })),
});
