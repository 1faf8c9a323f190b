import { listMembers, changeMemberRole, removeMember } from "~/server/workspaces/members.service";
import { inviteMember, revokeInvitation } from "~/server/workspaces/invitations.service";
import {
  changeRoleInput,
  inviteMemberInput,
  removeMemberInput,
  revokeInvitationInput,
} from "~/server/workspaces/workspaces.schema";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const membersRouter = createTRPCRouter({
  list: workspaceProcedure("viewer").query(({ ctx }) => listMembers({ workspaceId: ctx.workspace.id })),

  invite: workspaceProcedure("admin")
    .input(inviteMemberInput)
    .mutation(({ ctx, input }) =>
      inviteMember({
        workspaceId: ctx.workspace.id,
        actor: ctx.actor,
        actorRole: ctx.role,
        email: input.email,
        role: input.role,
      }),
    ),

  revokeInvitation: workspaceProcedure("admin")
    .input(revokeInvitationInput)
    .mutation(({ ctx, input }) =>
      revokeInvitation({ workspaceId: ctx.workspace.id, actor: ctx.actor, invitationId: input.invitationId }),
    ),

  changeRole: workspaceProcedure("admin")
    .input(changeRoleInput)
    .mutation(({ ctx, input }) =>
      changeMemberRole({
        workspaceId: ctx.workspace.id,
        actor: ctx.actor,
        userId: input.userId,
        role: input.role,
      }),
    ),

  // Anyone may leave; removing others needs admin (checked in the service).
  remove: workspaceProcedure("viewer")
    .input(removeMemberInput)
    .mutation(({ ctx, input }) => removeMember({ workspaceId: ctx.workspace.id, actor: ctx.actor, userId: input.userId })),
});
