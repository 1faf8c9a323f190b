import type { Metadata } from "next";
import { SectionPlaceholder } from "~/components/workspaces/section-placeholder";
import { getCurrentWorkspace } from "~/app/(app)/_lib/session";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workspace = await getCurrentWorkspace(slug);
  return (
    <SectionPlaceholder
      title="Overview"
      summary={`Where ${workspace.name} stands on the five-stage DevOps maturity ladder, and what to do next.`}
      accountsHref={`/w/${workspace.slug}/accounts`}
    >
      <p>
        Once AWS accounts are connected, this page shows the five-stage maturity ladder, from Foundation to Advanced, with the
        stage this organisation has reached, what changed since last month, and the next steps ranked by impact.
      </p>
    </SectionPlaceholder>
  );
}
