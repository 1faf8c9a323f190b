import {
  connectAccountInput,
  connectMembersInput,
  onboardingInput,
  removeAccountInput,
  setEnvironmentInput,
  startOnboardingInput,
} from "~/server/accounts/accounts.schema";
import {
  getOnboarding,
  listAccounts,
  removeAccount,
  reverifyAccount,
  setAccountEnvironment,
} from "~/server/accounts/accounts.service";
import { onboardingArtifacts } from "~/server/accounts/artifacts";
import { connectDemoOrganization, isDemoAvailable } from "~/server/accounts/demo.service";
import { connectMembers, discoverMembers } from "~/server/accounts/members.service";
import { connectAccount, startOnboarding } from "~/server/accounts/onboarding.service";
import { capabilitySpecs } from "~/server/aws/permissions";
import { z } from "zod";
import { workspaceInput } from "~/server/workspaces/workspaces.schema";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const accountsRouter = createTRPCRouter({
  list: workspaceProcedure("viewer").query(({ ctx }) => listAccounts({ workspaceId: ctx.workspace.id })),

  capabilities: workspaceProcedure("viewer").query(() => capabilitySpecs),

  demoAvailable: workspaceProcedure("viewer").query(() => isDemoAvailable()),

  connectDemo: workspaceProcedure("editor").mutation(({ ctx }) =>
    connectDemoOrganization({ workspaceId: ctx.workspace.id, workspaceSlug: ctx.workspace.slug, actor: ctx.actor }),
  ),

  start: workspaceProcedure("editor")
    .input(startOnboardingInput)
    .mutation(({ ctx, input }) => startOnboarding({ workspaceId: ctx.workspace.id, actor: ctx.actor, kind: input.kind })),

  // The External ID and the templates that carry it: editors only, since only they onboard.
  onboarding: workspaceProcedure("editor")
    .input(onboardingInput)
    .query(async ({ ctx, input }) => {
      const account = await getOnboarding({ workspaceId: ctx.workspace.id, accountRef: input.accountRef });
      return {
        account,
        artifacts: await onboardingArtifacts({
          externalId: account.externalId,
          kind: account.kind,
          workspaceSlug: ctx.workspace.slug,
        }),
      };
    }),

  connect: workspaceProcedure("editor")
    .input(connectAccountInput)
    .mutation(({ ctx, input }) =>
      connectAccount({
        workspaceId: ctx.workspace.id,
        workspaceSlug: ctx.workspace.slug,
        actor: ctx.actor,
        accountRef: input.accountRef,
        roleArn: input.roleArn,
      }),
    ),

  discoverMembers: workspaceProcedure("editor")
    .input(workspaceInput.extend({ organizationRef: z.string().min(1) }))
    .query(({ ctx, input }) =>
      discoverMembers({
        workspaceId: ctx.workspace.id,
        workspaceSlug: ctx.workspace.slug,
        organizationRef: input.organizationRef,
      }),
    ),

  connectMembers: workspaceProcedure("editor")
    .input(connectMembersInput)
    .mutation(({ ctx, input }) =>
      connectMembers({
        workspaceId: ctx.workspace.id,
        workspaceSlug: ctx.workspace.slug,
        actor: ctx.actor,
        organizationRef: input.organizationRef,
        accountIds: input.accountIds,
        roleName: input.roleName,
      }),
    ),

  reverify: workspaceProcedure("editor")
    .input(onboardingInput)
    .mutation(({ ctx, input }) =>
      reverifyAccount({
        workspaceId: ctx.workspace.id,
        workspaceSlug: ctx.workspace.slug,
        actor: ctx.actor,
        accountRef: input.accountRef,
      }),
    ),

  setEnvironment: workspaceProcedure("editor")
    .input(setEnvironmentInput)
    .mutation(({ ctx, input }) =>
      setAccountEnvironment({
        workspaceId: ctx.workspace.id,
        actor: ctx.actor,
        accountRef: input.accountRef,
        environment: input.environment,
      }),
    ),

  remove: workspaceProcedure("editor")
    .input(removeAccountInput)
    .mutation(({ ctx, input }) =>
      removeAccount({
        workspaceId: ctx.workspace.id,
        actor: ctx.actor,
        accountRef: input.accountRef,
        confirmAccountId: input.confirmAccountId,
      }),
    ),
});
