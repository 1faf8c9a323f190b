import type { Metadata } from "next";
import { Suspense } from "react";
import { getCurrentWorkspace } from "~/app/(app)/_lib/session";
import { AdminOnlyNotice } from "~/components/settings/admin-only-notice";
import { TokensPanel } from "~/components/settings/tokens-panel";
import { ErrorBoundary } from "~/components/ui/error-boundary";
import { PanelSkeleton } from "~/components/ui/skeleton";
import { HydrateClient, prefetch, trpc } from "~/server/api/rsc";
import { hasRole, roleDescriptions, roles } from "~/server/auth/roles";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workspace = await getCurrentWorkspace(slug);
  if (!hasRole(workspace.role, "admin")) {
    return (
      <AdminOnlyNotice title="API tokens" role={workspace.role}>
        Only admins and owners can manage API tokens.
      </AdminOnlyNotice>
    );
  }
  prefetch(trpc.tokens.list.queryOptions({ workspace: workspace.slug }));
  // A token never has more rights than its creator, and never the owner role.
  const tokenRoles = roles.filter((role) => role !== "owner" && hasRole(workspace.role, role));

  return (
    <HydrateClient>
      <ErrorBoundary title="API tokens could not be loaded">
        <Suspense fallback={<PanelSkeleton label="Loading API tokens…" />}>
          <TokensPanel workspace={workspace.slug} tokenRoles={tokenRoles} roleDescriptions={roleDescriptions} />
        </Suspense>
      </ErrorBoundary>
    </HydrateClient>
  );
}
