import { z } from "zod";
import { checks, practices } from "~/server/maturity/catalogue";
import {
  approveWaiver,
  attest,
  listClaims,
  requestWaiver,
  revokeAttestation,
  revokeWaiver,
  type ClaimActor,
} from "~/server/maturity/claims.service";
import { attestInput, claimIdInput, claimsInput, waiverInput } from "~/server/maturity/claims.schema";
import { evaluateAndStore } from "~/server/maturity/evaluation.service";
import { maturityScopeInput, sinceDayInput } from "~/server/maturity/scope.schema";
import { accountView } from "~/server/maturity/views/account";
import { checkInfo } from "~/server/maturity/views/check-info";
import { overview } from "~/server/maturity/views/overview";
import { practiceView } from "~/server/maturity/views/practice";
import { resultDetail } from "~/server/maturity/views/result";
import { hasRole } from "~/server/auth/roles";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

const accountIdInput = z.string().regex(/^\d{12}$/, "An AWS account id is 12 digits.");

function claimActor(ctx: {
  user: { id: string; name: string | null; email: string };
  role: Parameters<typeof hasRole>[0];
}): ClaimActor {
  return { userId: ctx.user.id, name: ctx.user.name ?? ctx.user.email, isAdmin: hasRole(ctx.role, "admin") };
}

export const maturityRouter = createTRPCRouter({
  catalogue: workspaceProcedure("viewer").query(() => ({ practices, checks: checks.map(checkInfo) })),

  overview: workspaceProcedure("viewer")
    .input(
      z.object({
        scope: maturityScopeInput.optional(),
        since: sinceDayInput.optional(),
        trendDays: z.number().int().min(1).max(3660).optional(),
      }),
    )
    .query(({ ctx, input }) =>
      overview(ctx.workspace.id, { scope: input.scope, since: input.since, trendDays: input.trendDays }),
    ),

  practice: workspaceProcedure("viewer")
    .input(z.object({ practiceId: z.string().max(64), scope: maturityScopeInput.optional() }))
    .query(({ ctx, input }) => practiceView(ctx.workspace.id, input.practiceId, input.scope)),

  account: workspaceProcedure("viewer")
    .input(z.object({ accountId: accountIdInput }))
    .query(({ ctx, input }) => accountView(ctx.workspace.id, input.accountId)),

  result: workspaceProcedure("viewer")
    .input(z.object({ accountId: accountIdInput, checkId: z.string().max(100) }))
    .query(({ ctx, input }) => resultDetail(ctx.workspace.id, input.accountId, input.checkId, ctx.user.id)),

  claims: workspaceProcedure("viewer")
    .input(claimsInput)
    .query(({ ctx, input }) => listClaims({ workspaceId: ctx.workspace.id, checkId: input.checkId, viewerId: ctx.user.id })),

  attest: workspaceProcedure("editor")
    .input(attestInput)
    .mutation(({ ctx, input }) => attest({ workspaceId: ctx.workspace.id, actor: claimActor(ctx), ...input })),

  revokeAttestation: workspaceProcedure("editor")
    .input(claimIdInput)
    .mutation(({ ctx, input }) => revokeAttestation({ workspaceId: ctx.workspace.id, actor: claimActor(ctx), id: input.id })),

  requestWaiver: workspaceProcedure("editor")
    .input(waiverInput)
    .mutation(({ ctx, input }) => requestWaiver({ workspaceId: ctx.workspace.id, actor: claimActor(ctx), ...input })),

  approveWaiver: workspaceProcedure("admin")
    .input(claimIdInput)
    .mutation(({ ctx, input }) => approveWaiver({ workspaceId: ctx.workspace.id, actor: claimActor(ctx), id: input.id })),

  revokeWaiver: workspaceProcedure("admin")
    .input(claimIdInput)
    .mutation(({ ctx, input }) => revokeWaiver({ workspaceId: ctx.workspace.id, actor: claimActor(ctx), id: input.id })),

  evaluate: workspaceProcedure("editor").mutation(async ({ ctx }) => {
    const summary = await evaluateAndStore(ctx.workspace.id, { trigger: "manual" });
    return { snapshotId: summary.snapshotId, accounts: summary.accounts };
  }),
});
