import type { Metadata } from "next";
import { Suspense } from "react";
import { getCurrentWorkspace } from "~/app/(app)/_lib/session";
import { AdminOnlyNotice } from "~/components/settings/admin-only-notice";
import { AuditLogPanel } from "~/components/settings/audit-log-panel";
import { AUDIT_PAGE_SIZE, nextAuditCursor } from "~/components/settings/audit-query";
import { ErrorBoundary } from "~/components/ui/error-boundary";
import { PanelSkeleton } from "~/components/ui/skeleton";
import { getQueryClient, HydrateClient, trpc } from "~/server/api/rsc";
import { hasRole } from "~/server/auth/roles";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workspace = await getCurrentWorkspace(slug);
  if (!hasRole(workspace.role, "admin")) {
    return (
      <AdminOnlyNotice title="Audit log" role={workspace.role}>
        Only admins and owners can read the audit log of membership, token and account changes.
      </AdminOnlyNotice>
    );
  }
  // rsc.tsx's prefetch() knows only plain queries; the log pages by cursor.
  void getQueryClient().prefetchInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { workspace: workspace.slug, limit: AUDIT_PAGE_SIZE },
      { getNextPageParam: nextAuditCursor },
    ),
  );

  return (
    <HydrateClient>
      <ErrorBoundary title="The audit log could not be loaded">
        <Suspense fallback={<PanelSkeleton label="Loading the audit log…" />}>
          <AuditLogPanel workspace={workspace.slug} />
        </Suspense>
      </ErrorBoundary>
    </HydrateClient>
  );
}
