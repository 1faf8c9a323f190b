import { listAuditLog } from "~/server/audit/audit.service";
import { auditLogInput } from "~/server/workspaces/workspaces.schema";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const auditRouter = createTRPCRouter({
  list: workspaceProcedure("admin")
    .input(auditLogInput)
    .query(({ ctx, input }) => listAuditLog({ workspaceId: ctx.workspace.id, cursor: input.cursor, limit: input.limit })),
});
