import { acceptInvitation, findInvitation, listInvitationsForEmail } from "~/server/workspaces/invitations.service";
import { acceptInvitationInput, createWorkspaceInput } from "~/server/workspaces/workspaces.schema";
import { createWorkspace, listWorkspacesForUser } from "~/server/workspaces/workspaces.service";
import { z } from "zod";
import { createTRPCRouter, publicProcedure, signedInProcedure, workspaceProcedure } from "../trpc";

export const workspacesRouter = createTRPCRouter({
  list: signedInProcedure.query(({ ctx }) => listWorkspacesForUser({ userId: ctx.user.id })),

  create: signedInProcedure
    .input(createWorkspaceInput)
    .mutation(({ ctx, input }) => createWorkspace({ userId: ctx.user.id, name: input.name, slug: input.slug })),

  current: workspaceProcedure("viewer").query(({ ctx }) => ({ ...ctx.workspace, role: ctx.role })),

  myInvitations: signedInProcedure.query(({ ctx }) => listInvitationsForEmail(ctx.user.email)),

  invitation: publicProcedure.input(acceptInvitationInput).query(async ({ input }) => {
    const invitation = await findInvitation(input.token);
    if (!invitation) return null;
    return { email: invitation.email, role: invitation.role, workspace: invitation.workspace, isExpired: invitation.isExpired };
  }),

  acceptInvitation: signedInProcedure
    .input(z.union([acceptInvitationInput, z.object({ invitationId: z.string().min(1) })]))
    .mutation(({ ctx, input }) => acceptInvitation({ userId: ctx.user.id, email: ctx.user.email, ...input })),
});
