import type { Metadata } from "next";
import { Suspense } from "react";
import { getCurrentWorkspace, requireUser } from "~/app/(app)/_lib/session";
import { FinOpsPanel } from "~/components/finops/finops-panel";
import { readFinOpsFilters } from "~/components/finops/paths";
import { ErrorBoundary } from "~/components/ui/error-boundary";
import { PageHeader } from "~/components/ui/page-header";
import { PanelSkeleton } from "~/components/ui/skeleton";
import { HydrateClient, prefetch, trpc } from "~/server/api/rsc";
import { hasRole } from "~/server/auth/roles";

export const metadata: Metadata = { title: "FinOps" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// ?period=2026-10&ou=ou-…&environment=prod&accountId=123456789012; no period is the last full
// month, with this month to date beside it.
export default async function FinOpsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: SearchParams;
}) {
  const { slug } = await params;
  await requireUser(`/w/${slug}/finops`);
  const workspace = await getCurrentWorkspace(slug);
  const filters = readFinOpsFilters(await searchParams);
  prefetch(trpc.finops.overview.queryOptions({ workspace: workspace.slug, ...filters }));
  return (
    <HydrateClient>
      <PageHeader
        title="FinOps"
        description="Savings realized and still available from Graviton, Spot, Karpenter node pools and commitments, proved from your own bills, with how every number is computed beside it."
      />
      <ErrorBoundary title="The FinOps figures could not be loaded">
        <Suspense fallback={<PanelSkeleton label="Loading the FinOps figures…" />}>
          <FinOpsPanel workspace={workspace.slug} filters={filters} canUpload={hasRole(workspace.role, "editor")} />
        </Suspense>
      </ErrorBoundary>
    </HydrateClient>
  );
}
