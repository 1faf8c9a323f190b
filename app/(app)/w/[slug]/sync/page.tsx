import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getCurrentWorkspace, requireUser } from "~/app/(app)/_lib/session";
import { RUNS_LIMIT, UPLOADS_LIMIT } from "~/components/sync/format";
import { FreshnessTable } from "~/components/sync/freshness-table";
import { RunPanel } from "~/components/sync/run-panel";
import { RunsHistory } from "~/components/sync/runs-history";
import { ScheduleForm } from "~/components/sync/schedule-form";
import { SyncNowForm } from "~/components/sync/sync-now-form";
import { UploadsSection } from "~/components/sync/uploads-section";
import { Alert } from "~/components/ui/alert";
import { ErrorBoundary } from "~/components/ui/error-boundary";
import { PageHeader } from "~/components/ui/page-header";
import { PanelSkeleton } from "~/components/ui/skeleton";
import { getQueryClient, HydrateClient, prefetch, trpc } from "~/server/api/rsc";
import { hasRole } from "~/server/auth/roles";

export const metadata: Metadata = { title: "Sync" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// ?run=<id> shows that run in the panel; without it, the latest run.
export default async function SyncPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: SearchParams;
}) {
  const { slug } = await params;
  const selectedRunId = single((await searchParams).run) || undefined;
  await requireUser(`/w/${slug}/sync`);
  const workspace = await getCurrentWorkspace(slug);
  const input = { workspace: workspace.slug };
  const canSync = hasRole(workspace.role, "editor");

  prefetch(trpc.sync.sources.queryOptions(input));
  prefetch(trpc.sync.freshness.queryOptions(input));
  prefetch(trpc.sync.schedule.queryOptions(input));
  prefetch(trpc.accounts.list.queryOptions(input));
  prefetch(trpc.uploads.list.queryOptions({ ...input, limit: UPLOADS_LIMIT }));
  prefetch(trpc.uploads.pending.queryOptions(input));
  // The run panel shows the latest run when none is chosen, so the list decides what to prefetch.
  const runs = await getQueryClient()
    .fetchQuery(trpc.sync.runs.queryOptions({ ...input, limit: RUNS_LIMIT }))
    .catch(() => []);
  const shownRunId = selectedRunId ?? runs[0]?.id;
  // A linked run may be gone or belong to another workspace: say so here rather than let the
  // client suspend on a query that can only fail.
  let isSelectedRunMissing = false;
  if (selectedRunId) {
    isSelectedRunMissing = await getQueryClient()
      .fetchQuery(trpc.sync.run.queryOptions({ ...input, runId: selectedRunId }))
      .then(() => false)
      .catch(() => true);
  } else if (shownRunId) {
    prefetch(trpc.sync.run.queryOptions({ ...input, runId: shownRunId }));
  }

  return (
    <HydrateClient>
      <PageHeader
        title="Sync"
        description="Pull fresh data from your AWS accounts, watch what each run fetched and cost, and send CI results."
        action={
          canSync && (
            <Suspense fallback={null}>
              <SyncNowForm workspace={workspace.slug} />
            </Suspense>
          )
        }
      />
      <div className="space-y-6">
        {isSelectedRunMissing ? (
          <Alert tone="error" title="That sync run was not found">
            It may have been removed, or the link is wrong.{" "}
            <Link href={`/w/${workspace.slug}/sync`} className="font-medium underline underline-offset-2">
              Show the latest run
            </Link>
          </Alert>
        ) : (
          <ErrorBoundary title="This sync run could not be loaded">
            <Suspense fallback={<PanelSkeleton label="Loading the sync run…" />}>
              <RunPanel workspace={workspace.slug} selectedRunId={selectedRunId} canSync={canSync} />
            </Suspense>
          </ErrorBoundary>
        )}
        <ErrorBoundary title="The sync history could not be loaded">
          <Suspense fallback={<PanelSkeleton label="Loading the sync history…" />}>
            <RunsHistory workspace={workspace.slug} selectedRunId={isSelectedRunMissing ? undefined : selectedRunId} />
          </Suspense>
        </ErrorBoundary>
        <ErrorBoundary title="Data freshness could not be loaded">
          <Suspense fallback={<PanelSkeleton label="Loading data freshness…" />}>
            <FreshnessTable workspace={workspace.slug} />
          </Suspense>
        </ErrorBoundary>
        <ErrorBoundary title="The schedule could not be loaded">
          <Suspense fallback={<PanelSkeleton label="Loading the schedule…" />}>
            <ScheduleForm workspace={workspace.slug} canEdit={hasRole(workspace.role, "admin")} />
          </Suspense>
        </ErrorBoundary>
        <ErrorBoundary title="Uploads could not be loaded">
          <Suspense fallback={<PanelSkeleton label="Loading uploads…" />}>
            <UploadsSection workspace={workspace.slug} canUpload={canSync} />
          </Suspense>
        </ErrorBoundary>
      </div>
    </HydrateClient>
  );
}
