import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { getCurrentWorkspace, requireUser } from "~/app/(app)/_lib/session";
import { AccountPanel } from "~/components/maturity/account-panel";
import { ErrorBoundary } from "~/components/ui/error-boundary";
import { PanelSkeleton } from "~/components/ui/skeleton";
import { HydrateClient, prefetch, trpc } from "~/server/api/rsc";

export const metadata: Metadata = { title: "Account maturity" };

export default async function AccountMaturityPage({ params }: { params: Promise<{ slug: string; accountId: string }> }) {
  const { slug, accountId } = await params;
  await requireUser(`/w/${slug}/maturity/accounts/${accountId}`);
  const workspace = await getCurrentWorkspace(slug);
  if (!/^\d{12}$/.test(accountId)) notFound();
  prefetch(trpc.maturity.account.queryOptions({ workspace: workspace.slug, accountId }));

  return (
    <HydrateClient>
      <ErrorBoundary title="This account's maturity could not be loaded">
        <Suspense fallback={<PanelSkeleton label="Loading the account…" />}>
          <AccountPanel workspace={workspace.slug} accountId={accountId} />
        </Suspense>
      </ErrorBoundary>
    </HydrateClient>
  );
}
