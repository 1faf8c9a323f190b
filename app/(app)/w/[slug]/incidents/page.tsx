import type { Metadata } from "next";
import { SectionPlaceholder } from "~/components/workspaces/section-placeholder";
import { getCurrentWorkspace } from "~/app/(app)/_lib/session";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workspace = await getCurrentWorkspace(slug);
  return (
    <SectionPlaceholder
      title="Incidents"
      summary="Whether maturity work shows up in outcomes."
      accountsHref={`/w/${workspace.slug}/accounts`}
    >
      <p>
        Once AWS accounts are connected, this page shows the incident count and mean time to recovery (MTTR), by account and
        service, next to deployments and chaos experiments, so progress can be tied to outcomes.
      </p>
    </SectionPlaceholder>
  );
}
