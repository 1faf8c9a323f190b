import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Suspense } from "react";
import { getCurrentWorkspace, requireUser } from "~/app/(app)/_lib/session";
import { practicePath, readFilters } from "~/components/maturity/labels";
import { ResultPanel } from "~/components/maturity/result-panel";
import { ErrorBoundary } from "~/components/ui/error-boundary";
import { PanelSkeleton } from "~/components/ui/skeleton";
import { HydrateClient, prefetch, trpc } from "~/server/api/rsc";
import { hasRole } from "~/server/auth/roles";
import { findCheck, getPractice } from "~/server/maturity/catalogue";

type Params = Promise<{ slug: string; checkId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const check = findCheck((await params).checkId);
  return { title: check ? `${check.title} · Maturity` : "Maturity" };
}

// ?account=<id> picks the account; without one, the check is shown in every account on its
// practice page.
export default async function CheckResultPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug, checkId } = await params;
  await requireUser(`/w/${slug}/maturity/checks/${checkId}`);
  const workspace = await getCurrentWorkspace(slug);
  const check = findCheck(checkId);
  if (!check) notFound();
  const [accountId] = readFilters(await searchParams).accountIds;
  if (!accountId) redirect(`${practicePath(workspace.slug, check.practice)}#check-${check.id}`);
  prefetch(trpc.maturity.result.queryOptions({ workspace: workspace.slug, accountId, checkId: check.id }));

  return (
    <HydrateClient>
      <ErrorBoundary title="This result could not be loaded">
        <Suspense fallback={<PanelSkeleton label="Loading the result…" />}>
          <ResultPanel
            workspace={workspace.slug}
            checkId={check.id}
            accountId={accountId}
            practiceTitle={getPractice(check.practice).title}
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
