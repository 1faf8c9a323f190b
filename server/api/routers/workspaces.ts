import { acceptInvitation, findInvitation, listInvitationsForEmail } from "~/server/workspaces/invitations.service";
import {
  acceptInvitationInput,
  createWorkspaceInput,
  deleteWorkspaceInput,
  renameWorkspaceInput,
  waiverSelfApprovalInput,
} from "~/server/workspaces/workspaces.schema";
import {
  createWorkspace,
  deleteWorkspace,
  listWorkspacesForUser,
  renameWorkspace,
  setWaiverSelfApproval,
} from "~/server/workspaces/workspaces.service";
import { z } from "zod";
import { createTRPCRouter, publicProcedure, signedInProcedure, workspaceProcedure } from "../trpc";

export const workspacesRouter = createTRPCRouter({
  list: signedInProcedure.query(({ ctx }) => listWorkspacesForUser({ userId: ctx.user.id })),

  create: signedInProcedure
    .input(createWorkspaceInput)
    .mutation(({ ctx, input }) => createWorkspace({ userId: ctx.user.id, name: input.name, slug: input.slug })),

  current: workspaceProcedure("viewer").query(({ ctx }) => ({ ...ctx.workspace, role: ctx.role })),

  rename: workspaceProcedure("admin")
    .input(renameWorkspaceInput)
    .mutation(({ ctx, input }) =>
      renameWorkspace({ workspaceId: ctx.workspace.id, actor: { userId: ctx.user.id }, name: input.name }),
    ),

  setWaiverSelfApproval: workspaceProcedure("owner")
    .input(waiverSelfApprovalInput)
    .mutation(({ ctx, input }) =>
      setWaiverSelfApproval({ workspaceId: ctx.workspace.id, actor: { userId: ctx.user.id }, allow: input.allow }),
    ),

  delete: workspaceProcedure("owner")
    .input(deleteWorkspaceInput)
    .mutation(({ ctx, input }) =>
      deleteWorkspace({
        workspaceId: ctx.workspace.id,
        actor: { userId: ctx.user.id },
        actorEmail: ctx.user.email,
        confirmSlug: input.confirmSlug,
      }),
    ),

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
