import { createTokenInput, revokeTokenInput } from "~/server/tokens/tokens.schema";
import { createApiToken, listApiTokens, revokeApiToken } from "~/server/tokens/tokens.service";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const tokensRouter = createTRPCRouter({
  list: workspaceProcedure("admin").query(({ ctx }) => listApiTokens({ workspaceId: ctx.workspace.id })),

  create: workspaceProcedure("admin")
    .input(createTokenInput)
    .mutation(({ ctx, input }) =>
      createApiToken({
        workspaceId: ctx.workspace.id,
        actor: ctx.actor,
        actorRole: ctx.role,
        name: input.name,
        role: input.role,
        expiresInDays: input.expiresInDays,
      }),
    ),

  revoke: workspaceProcedure("admin")
    .input(revokeTokenInput)
    .mutation(({ ctx, input }) => revokeApiToken({ workspaceId: ctx.workspace.id, actor: ctx.actor, tokenId: input.tokenId })),
});
