import type { Metadata } from "next";
import { SectionPlaceholder } from "~/components/workspaces/section-placeholder";
import { getCurrentWorkspace } from "~/app/(app)/_lib/session";

export const metadata: Metadata = { title: "FinOps" };

export default async function FinOpsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workspace = await getCurrentWorkspace(slug);
  return (
    <SectionPlaceholder
      title="FinOps"
      summary="Savings realized and still available, with the assumptions printed next to every number."
      accountsHref={`/w/${workspace.slug}/accounts`}
    >
      <p>
        Once AWS accounts are connected, this page shows realized and potential savings from Graviton, Spot, Karpenter node pools
        and commitments (Reserved Instances and Savings Plans), including unused commitments, per account and over time.
      </p>
    </SectionPlaceholder>
  );
}
