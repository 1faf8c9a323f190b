import type { Metadata } from "next";
import { Suspense } from "react";
import { getCurrentWorkspace, requireUser } from "~/app/(app)/_lib/session";
import { Breadcrumbs } from "~/components/maturity/breadcrumbs";
import { ClaimsPanel } from "~/components/maturity/claims-panel";
import { ErrorBoundary } from "~/components/ui/error-boundary";
import { PageHeader } from "~/components/ui/page-header";
import { PanelSkeleton } from "~/components/ui/skeleton";
import { HydrateClient, prefetch, trpc } from "~/server/api/rsc";
import { hasRole } from "~/server/auth/roles";
import { checks } from "~/server/maturity/catalogue";

export const metadata: Metadata = { title: "Waivers and attestations · Maturity" };

export default async function ClaimsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireUser(`/w/${slug}/maturity/claims`);
  const workspace = await getCurrentWorkspace(slug);
  prefetch(trpc.maturity.claims.queryOptions({ workspace: workspace.slug }));
  const titles = Object.fromEntries(checks.map((c) => [c.id, { title: c.title, practiceId: c.practice }]));
  return (
    <HydrateClient>
      <Breadcrumbs
        items={[{ label: "Maturity", href: `/w/${workspace.slug}/maturity` }, { label: "Waivers and attestations" }]}
      />
      <PageHeader
        title="Waivers and attestations"
        description="Every exception and every manual attestation in this workspace, with who asked, who approved, and until when."
      />
      <ErrorBoundary title="The waivers and attestations could not be loaded">
        <Suspense fallback={<PanelSkeleton label="Loading waivers and attestations…" />}>
          <ClaimsPanel
            workspace={workspace.slug}
            checks={titles}
            permissions={{
              canClaim: hasRole(workspace.role, "editor"),
              canApprove: hasRole(workspace.role, "admin"),
              canApproveOwn: hasRole(workspace.role, "admin") && workspace.allowWaiverSelfApproval,
            }}
          />
        </Suspense>
      </ErrorBoundary>
    </HydrateClient>
  );
}
