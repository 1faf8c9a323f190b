"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Suspense } from "react";
import { useTRPC } from "~/components/providers/trpc-provider";
import { buttonClasses } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { ErrorBoundary } from "~/components/ui/error-boundary";
import { PageHeader } from "~/components/ui/page-header";
import { PanelSkeleton } from "~/components/ui/skeleton";
import { accountsPath } from "../labels";
import { CapabilityChecklist } from "./capability-checklist";
import { CreateRoleStep } from "./create-role-step";
import { MembersStep } from "./members-step";
import { StepIndicator } from "./step-indicator";
import { VerifyRoleForm } from "./verify-role-form";

const titles = { account: "Connect one AWS account", organization: "Connect an AWS Organization" } as const;

// Steps 2 to 4 for one pending (or just connected) account, all driven by ?setup=<accountRef>.
export function SetupWizard({ workspace, accountRef }: { workspace: string; accountRef: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.accounts.onboarding.queryOptions({ workspace, accountRef }));
  const { account, artifacts } = data;
  const isConnected = account.status === "connected";
  const isOrganization = account.kind === "organization";
  const current = !isConnected ? 2 : isOrganization ? 4 : 3;

  return (
    <>
      <PageHeader
        title={titles[account.kind]}
        description={
          isConnected
            ? `Account ${account.accountId} is connected${account.isDemo ? " (simulated demo data)" : ""}.`
            : "Create a read-only role in AWS with the template below, then paste its ARN so Ladder can verify it."
        }
      />
      <StepIndicator kind={account.kind} current={isConnected && !isOrganization ? 4 : current} />
      <div className="space-y-6">
        {!isConnected && <CreateRoleStep workspace={workspace} account={account} artifacts={artifacts} />}
        <Card>
          <CardHeader
            title={isConnected ? "Role verified" : "Step 3 — Verify the role"}
            description={
              isConnected
                ? `Ladder assumed ${account.roleArn} with the External ID and checked what the role can read.`
                : "Ladder assumes the role with STS, using the External ID, and tries one read per capability."
            }
          />
          <CardBody className="space-y-5">
            {!isConnected && <VerifyRoleForm workspace={workspace} account={account} />}
            {account.capabilities?.length ? <CapabilityChecklist workspace={workspace} results={account.capabilities} /> : null}
            {isConnected && !isOrganization && (
              <Link href={accountsPath(workspace)} className={buttonClasses("primary")}>
                Done
              </Link>
            )}
          </CardBody>
        </Card>
        {isConnected && isOrganization && account.organization && (
          <ErrorBoundary title="The organisation's accounts could not be read">
            <Suspense fallback={<PanelSkeleton label="Reading the organisation's accounts…" />}>
              <MembersStep workspace={workspace} organizationRef={account.organization.id} />
            </Suspense>
          </ErrorBoundary>
        )}
      </div>
    </>
  );
}
