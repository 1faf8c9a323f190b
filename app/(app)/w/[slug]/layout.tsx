import { AppSidebar } from "~/components/layout/app-sidebar";
import { SkipLink } from "~/components/layout/skip-link";
import { HydrateClient, prefetch, trpc } from "~/server/api/rsc";
import { getCurrentWorkspace, requireUser } from "~/app/(app)/_lib/session";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const user = await requireUser(`/w/${slug}/overview`);
  const workspace = await getCurrentWorkspace(slug);
  prefetch(trpc.workspaces.list.queryOptions());

  return (
    <HydrateClient>
      <SkipLink targetId="content" />
      <div className="flex min-h-screen flex-col md:flex-row">
        <AppSidebar slug={workspace.slug} workspaceName={workspace.name} email={user.email} role={workspace.role} />
        <main id="content" tabIndex={-1} className="min-w-0 flex-1 px-4 py-8 outline-none sm:px-8 lg:px-10">
          <div className="mx-auto max-w-5xl">{children}</div>
        </main>
      </div>
    </HydrateClient>
  );
}
