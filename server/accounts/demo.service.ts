import type { Actor } from "~/server/audit/audit.service";
import { appPrincipalArn } from "~/server/aws/app-identity";
import { db } from "~/server/db";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";
import { sendDemoCiReports } from "./demo-ci";
import { defaultRoleName } from "./templates";
import { connectMembers, discoverMembers } from "./members.service";
import { connectAccount, startOnboarding } from "./onboarding.service";

export function isDemoAvailable(): boolean {
  const e = env();
  return e.LADDER_DEMO && Boolean(e.LADDER_SIM_CONTROL_URL);
}

// Whether any workspace has the demo organisation connected: its tasks need the simulator.
export async function isDemoInUse(): Promise<boolean> {
  return (await db.awsAccount.count({ where: { isDemo: true }, take: 1 })) > 0;
}

// Connects the simulator's organisation through the same path a person takes: a new External
// ID, the stack "deployed" (the simulator's stand-in for CloudFormation and StackSets), the
// management account's role verified, then every member connected through the StackSet role.
// Its CI then uploads what its pipelines found, as a real organisation's would.
export async function connectDemoOrganization(opts: { workspaceId: string; workspaceSlug: string; actor: Actor }) {
  const controlUrl = env().LADDER_SIM_CONTROL_URL;
  if (!isDemoAvailable() || !controlUrl) {
    throw new AppError(
      "BAD_REQUEST",
      "The demo organisation is only available when Ladder runs with its AWS simulator (npm start on the embedded database).",
    );
  }
  const existing = await db.awsOrganization.findFirst({
    where: { workspaceId: opts.workspaceId, isDemo: true },
    select: { id: true },
  });
  if (existing) throw new AppError("CONFLICT", "The demo organisation is already connected to this workspace.");

  const pending = await startOnboarding({ workspaceId: opts.workspaceId, actor: opts.actor, kind: "organization", isDemo: true });
  const response = await fetch(new URL("/_simulator/stacks", controlUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      externalId: pending.externalId,
      roleName: defaultRoleName,
      trustedPrincipalArn: await appPrincipalArn(),
    }),
  });
  if (!response.ok) throw new AppError("BAD_REQUEST", `The AWS simulator refused the demo stack: ${await response.text()}`);
  const deployed = (await response.json()) as { managementAccountId: string };

  const management = await connectAccount({
    ...opts,
    accountRef: pending.id,
    roleArn: `arn:aws:iam::${deployed.managementAccountId}:role/${defaultRoleName}`,
  });
  const organizationRef = management.organizationRefId;
  if (!organizationRef) throw new AppError("BAD_REQUEST", "The demo management account did not register its organisation.");
  const discovered = await discoverMembers({ workspaceId: opts.workspaceId, workspaceSlug: opts.workspaceSlug, organizationRef });
  const members = await connectMembers({
    ...opts,
    organizationRef,
    roleName: defaultRoleName,
    accountIds: discovered.accounts.filter((a) => !a.isManagement).map((a) => a.accountId),
  });
  const uploads = await sendDemoCiReports({ workspaceId: opts.workspaceId, actor: opts.actor, organizationRef, controlUrl });
  return { managementAccountId: management.accountId, organizationRef, members, uploads: uploads.length };
}
