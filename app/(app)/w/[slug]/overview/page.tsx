import type { Metadata } from "next";
import { Suspense } from "react";
import { getCurrentWorkspace, requireUser } from "~/app/(app)/_lib/session";
import { FinOpsTile } from "~/components/finops/overview-tile";
import { OutcomesTile } from "~/components/incidents/outcomes-tile";
import { daysAgo } from "~/components/maturity/labels";
import { WorkspaceOverview } from "~/components/maturity/workspace-overview";
import { ErrorBoundary } from "~/components/ui/error-boundary";
import { PageHeader } from "~/components/ui/page-header";
import { PanelSkeleton } from "~/components/ui/skeleton";
import { HydrateClient, prefetch, trpc } from "~/server/api/rsc";
import { hasRole } from "~/server/auth/roles";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireUser(`/w/${slug}/overview`);
  const workspace = await getCurrentWorkspace(slug);
  const since = daysAgo(30);
  prefetch(trpc.maturity.overview.queryOptions({ workspace: workspace.slug, since }));
  prefetch(trpc.finops.overview.queryOptions({ workspace: workspace.slug }));
  prefetch(trpc.incidents.outcomes.queryOptions({ workspace: workspace.slug }));
  return (
    <HydrateClient>
      <PageHeader
        title="Overview"
        description={`Where ${workspace.name}'s production accounts stand on the five-stage DevOps ladder, and what to do next.`}
      />
      <div className="space-y-6">
        <ErrorBoundary title="The overview could not be loaded">
          <Suspense fallback={<PanelSkeleton label="Loading the overview…" />}>
            <WorkspaceOverview workspace={workspace.slug} since={since} canSync={hasRole(workspace.role, "editor")} />
          </Suspense>
        </ErrorBoundary>
        <ErrorBoundary title="The FinOps figures could not be loaded">
          <Suspense fallback={<PanelSkeleton label="Loading the FinOps figures…" />}>
            <FinOpsTile workspace={workspace.slug} />
          </Suspense>
        </ErrorBoundary>
        <ErrorBoundary title="The outcomes could not be loaded">
          <Suspense fallback={<PanelSkeleton label="Loading the outcomes…" />}>
            <OutcomesTile workspace={workspace.slug} />
          </Suspense>
        </ErrorBoundary>
      </div>
    </HydrateClient>
  );
}
