import type { Metadata } from "next";
import { SectionPlaceholder } from "~/components/workspaces/section-placeholder";
import { getCurrentWorkspace } from "~/app/(app)/_lib/session";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  // Checks membership: another workspace's URL is a 404 here too.
  await getCurrentWorkspace(slug);
  return (
    <SectionPlaceholder title="Accounts" summary="The AWS accounts this workspace reads from.">
      <p>
        Here you will connect a single AWS account, or a whole AWS Organization, through a read-only cross-account IAM role that
        Ladder assumes with an External ID it generates. Ladder never stores AWS keys.
      </p>
      <p className="font-medium text-slate-800">Account onboarding is coming next; it is not available in this version yet.</p>
    </SectionPlaceholder>
  );
}
