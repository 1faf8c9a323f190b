import type { Metadata } from "next";
import { Suspense } from "react";
import { getCurrentWorkspace, requireUser } from "~/app/(app)/_lib/session";
import { MembersPanel } from "~/components/settings/members-panel";
import { ErrorBoundary } from "~/components/ui/error-boundary";
import { PanelSkeleton } from "~/components/ui/skeleton";
import { HydrateClient, prefetch, trpc } from "~/server/api/rsc";
import { hasRole, roleDescriptions, roles } from "~/server/auth/roles";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser(`/w/${slug}/settings/members`);
  const workspace = await getCurrentWorkspace(slug);
  prefetch(trpc.members.list.queryOptions({ workspace: workspace.slug }));
  const permissions = {
    canManage: hasRole(workspace.role, "admin"),
    // Only owners may make owners.
    assignableRoles: roles.filter((role) => role !== "owner" || workspace.role === "owner"),
    roleDescriptions,
  };

  return (
    <HydrateClient>
      <ErrorBoundary title="Members could not be loaded">
        <Suspense fallback={<PanelSkeleton label="Loading members…" />}>
          <MembersPanel workspace={workspace.slug} currentUserId={user.id} permissions={permissions} />
        </Suspense>
      </ErrorBoundary>
    </HydrateClient>
  );
}
