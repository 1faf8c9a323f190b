import type { Metadata } from "next";
import { Suspense } from "react";
import { getCurrentWorkspace, requireUser } from "~/app/(app)/_lib/session";
import { IncidentsPanel } from "~/components/incidents/incidents-panel";
import { readIncidentsPage } from "~/components/incidents/paths";
import { ErrorBoundary } from "~/components/ui/error-boundary";
import { PageHeader } from "~/components/ui/page-header";
import { PanelSkeleton } from "~/components/ui/skeleton";
import { HydrateClient, prefetch, trpc } from "~/server/api/rsc";
import { hasRole } from "~/server/auth/roles";

export const metadata: Metadata = { title: "Incidents" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// ?from=2025-12-03&bucket=week&ou=ou-…&environment=prod&account=…&service=…&window=24&page=2&change=…&days=90;
// no range is the last 12 months.
export default async function IncidentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: SearchParams;
}) {
  const { slug } = await params;
  await requireUser(`/w/${slug}/incidents`);
  const workspace = await getCurrentWorkspace(slug);
  const { filters, page, change, days } = readIncidentsPage(await searchParams);
  const input = { workspace: workspace.slug, ...filters };
  prefetch(trpc.incidents.overview.queryOptions(input));
  prefetch(trpc.incidents.list.queryOptions({ ...input, page }));
  if (change) {
    prefetch(
      trpc.incidents.compare.queryOptions({
        workspace: workspace.slug,
        changeId: change,
        windowDays: days,
        failureWindowHours: filters.failureWindowHours,
      }),
    );
  }
  return (
    <HydrateClient>
      <PageHeader
        title="Incidents"
        description="Whether maturity work shows up in outcomes: incidents and time to restore next to deployments, chaos experiments and maturity changes, the four DORA keys, and before/after comparisons with their uncertainty."
      />
      <ErrorBoundary title="The incident figures could not be loaded">
        <Suspense fallback={<PanelSkeleton label="Loading the incident figures…" />}>
          <IncidentsPanel
            workspace={workspace.slug}
            filters={filters}
            page={page}
            change={change}
            days={days}
            canUpload={hasRole(workspace.role, "editor")}
          />
        </Suspense>
      </ErrorBoundary>
    </HydrateClient>
  );
}
