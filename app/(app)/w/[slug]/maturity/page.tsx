import type { Metadata } from "next";
import { Suspense } from "react";
import { getCurrentWorkspace, requireUser } from "~/app/(app)/_lib/session";
import { ExportLinks } from "~/components/maturity/export-links";
import { daysAgo, readDay, readFilters, scopeInput } from "~/components/maturity/labels";
import { OverviewPanel } from "~/components/maturity/overview-panel";
import { ErrorBoundary } from "~/components/ui/error-boundary";
import { PageHeader } from "~/components/ui/page-header";
import { PanelSkeleton } from "~/components/ui/skeleton";
import { HydrateClient, prefetch, trpc } from "~/server/api/rsc";
import { hasRole } from "~/server/auth/roles";

export const metadata: Metadata = { title: "Maturity" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// ?env=prod&env=staging&ou=/Workloads&account=123456789012&since=2026-01-01; no filter is
// production, and "what changed" looks back 30 days unless told otherwise.
export default async function MaturityPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: SearchParams;
}) {
  const { slug } = await params;
  const query = await searchParams;
  await requireUser(`/w/${slug}/maturity`);
  const workspace = await getCurrentWorkspace(slug);
  const filters = readFilters(query);
  const scope = scopeInput(filters);
  const since = readDay(query, "since") ?? daysAgo(30);
  prefetch(trpc.maturity.overview.queryOptions({ workspace: workspace.slug, scope, since }));

  return (
    <HydrateClient>
      <PageHeader
        title="Maturity"
        description="Where the organisation stands on the five-stage DevOps ladder, the evidence behind every level, and what to do next."
        action={<ExportLinks workspace={workspace.slug} filters={filters} />}
      />
      <ErrorBoundary title="The maturity ladder could not be loaded">
        <Suspense fallback={<PanelSkeleton label="Loading the maturity ladder…" />}>
          <OverviewPanel
            workspace={workspace.slug}
            filters={filters}
            scope={scope}
            since={since}
            canSync={hasRole(workspace.role, "editor")}
          />
        </Suspense>
      </ErrorBoundary>
    </HydrateClient>
  );
}
