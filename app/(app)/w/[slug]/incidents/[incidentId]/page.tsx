import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { getCurrentWorkspace, requireUser } from "~/app/(app)/_lib/session";
import { IncidentDetailPanel } from "~/components/incidents/detail-panel";
import { incidentsPath } from "~/components/incidents/paths";
import { ErrorBoundary } from "~/components/ui/error-boundary";
import { PageHeader } from "~/components/ui/page-header";
import { PanelSkeleton } from "~/components/ui/skeleton";
import { getQueryClient, HydrateClient, trpc } from "~/server/api/rsc";

export const metadata: Metadata = { title: "Incident" };

export default async function IncidentPage({ params }: { params: Promise<{ slug: string; incidentId: string }> }) {
  const { slug, incidentId } = await params;
  await requireUser(`/w/${slug}/incidents/${incidentId}`);
  const workspace = await getCurrentWorkspace(slug);
  // Fetched here (and hydrated) for its title; another workspace's incident is a 404.
  const detail = await getQueryClient()
    .fetchQuery(trpc.incidents.detail.queryOptions({ workspace: workspace.slug, incidentId }))
    .catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
      throw error;
    });
  if (!detail) notFound();
  const back = (
    <Link href={incidentsPath(workspace.slug)} className="text-sm font-medium text-sky-800 underline underline-offset-2">
      Back to Incidents
    </Link>
  );
  return (
    <HydrateClient>
      <PageHeader
        title={detail.incident.title}
        description="Its timeline, what changed before it, and where it came from."
        action={back}
      />
      <ErrorBoundary title="This incident could not be loaded">
        <Suspense fallback={<PanelSkeleton label="Loading the incident…" />}>
          <IncidentDetailPanel workspace={workspace.slug} incidentId={incidentId} />
        </Suspense>
      </ErrorBoundary>
    </HydrateClient>
  );
}
