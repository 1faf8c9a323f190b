import type { Metadata } from "next";
import { SectionPlaceholder } from "~/components/workspaces/section-placeholder";
import { getCurrentWorkspace } from "~/app/(app)/_lib/session";

export const metadata: Metadata = { title: "Maturity" };

export default async function MaturityPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workspace = await getCurrentWorkspace(slug);
  return (
    <SectionPlaceholder
      title="Maturity"
      summary="The level of each DevOps practice, and the evidence behind every check."
      accountsHref={`/w/${workspace.slug}/accounts`}
    >
      <p>
        Once AWS accounts are connected, this page shows each of the ten practices at its level from 0 to 4, with the result of
        every check (pass, fail, warning, not applicable, no data) and the evidence it was computed from.
      </p>
    </SectionPlaceholder>
  );
}
