import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { getCurrentWorkspace, requireUser } from "~/app/(app)/_lib/session";
import { readFilters, scopeInput } from "~/components/maturity/labels";
import { PracticePanel } from "~/components/maturity/practice-panel";
import type { PracticeId } from "~/components/maturity/types";
import { ErrorBoundary } from "~/components/ui/error-boundary";
import { PanelSkeleton } from "~/components/ui/skeleton";
import { HydrateClient, prefetch, trpc } from "~/server/api/rsc";
import { hasRole } from "~/server/auth/roles";
import { practices } from "~/server/maturity/catalogue";

type Params = Promise<{ slug: string; practiceId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const findPractice = (id: string) => practices.find((p) => p.id === id);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const practice = findPractice((await params).practiceId);
  return { title: practice ? `${practice.title} · Maturity` : "Maturity" };
}

export default async function PracticePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug, practiceId } = await params;
  await requireUser(`/w/${slug}/maturity/practices/${practiceId}`);
  const workspace = await getCurrentWorkspace(slug);
  const practice = findPractice(practiceId);
  if (!practice) notFound();
  const filters = readFilters(await searchParams);
  const scope = scopeInput(filters);
  prefetch(trpc.maturity.practice.queryOptions({ workspace: workspace.slug, practiceId: practice.id, scope }));

  return (
    <HydrateClient>
      <ErrorBoundary title="This practice could not be loaded">
        <Suspense fallback={<PanelSkeleton label="Loading the practice…" />}>
          <PracticePanel
            workspace={workspace.slug}
            practiceId={practice.id as PracticeId}
            filters={filters}
            scope={scope}
            canSync={hasRole(workspace.role, "editor")}
          />
        </Suspense>
      </ErrorBoundary>
    </HydrateClient>
  );
}
