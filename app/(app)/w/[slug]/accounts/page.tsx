import type { Metadata } from "next";
import { Suspense } from "react";
import { getCurrentWorkspace, requireUser } from "~/app/(app)/_lib/session";
import { AccountsPanel } from "~/components/accounts/accounts-panel";
import { BackLink } from "~/components/accounts/back-link";
import { ChooseKind } from "~/components/accounts/wizard/choose-kind";
import { SetupWizard } from "~/components/accounts/wizard/setup-wizard";
import { ScheduleForm } from "~/components/sync/schedule-form";
import { ErrorBoundary } from "~/components/ui/error-boundary";
import { PanelSkeleton } from "~/components/ui/skeleton";
import { HydrateClient, prefetch, trpc } from "~/server/api/rsc";
import { hasRole } from "~/server/auth/roles";

export const metadata: Metadata = { title: "Accounts" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// One route, three screens chosen by the URL so a reload or a shared link keeps the step:
// the list, ?connect=account|organization (step 1), ?setup=<accountRef> (steps 2 to 4).
export default async function AccountsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: SearchParams;
}) {
  const { slug } = await params;
  const query = await searchParams;
  await requireUser(`/w/${slug}/accounts`);
  const workspace = await getCurrentWorkspace(slug);
  const canEdit = hasRole(workspace.role, "editor");
  const setup = canEdit ? single(query.setup) : undefined;
  const connect = canEdit ? single(query.connect) : undefined;
  const input = { workspace: workspace.slug };

  prefetch(trpc.accounts.list.queryOptions(input));
  prefetch(trpc.accounts.demoAvailable.queryOptions(input));
  prefetch(trpc.accounts.capabilities.queryOptions(input));
  prefetch(trpc.sync.runs.queryOptions({ ...input, limit: 1 }));
  prefetch(trpc.sync.schedule.queryOptions(input));
  if (setup) prefetch(trpc.accounts.onboarding.queryOptions({ ...input, accountRef: setup }));

  return (
    <HydrateClient>
      {setup ? (
        <>
          <BackLink workspace={workspace.slug} />
          <ErrorBoundary title="This set-up could not be loaded">
            <Suspense fallback={<PanelSkeleton label="Loading the set-up…" />}>
              <SetupWizard workspace={workspace.slug} accountRef={setup} />
            </Suspense>
          </ErrorBoundary>
        </>
      ) : connect !== undefined ? (
        <>
          <BackLink workspace={workspace.slug} />
          <ChooseKind workspace={workspace.slug} suggested={connect === "organization" ? "organization" : "account"} />
        </>
      ) : (
        <>
          <ErrorBoundary title="Accounts could not be loaded">
            <Suspense fallback={<PanelSkeleton label="Loading accounts…" />}>
              <AccountsPanel workspace={workspace.slug} canEdit={canEdit} />
            </Suspense>
          </ErrorBoundary>
          {/* What syncing these accounts costs in Cost Explorer requests, and how often it runs. */}
          <ErrorBoundary title="The schedule could not be loaded">
            <Suspense fallback={<PanelSkeleton label="Loading the schedule…" />}>
              <ScheduleForm workspace={workspace.slug} canEdit={hasRole(workspace.role, "admin")} />
            </Suspense>
          </ErrorBoundary>
        </>
      )}
    </HydrateClient>
  );
}
