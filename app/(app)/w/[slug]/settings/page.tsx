import type { Metadata } from "next";
import { getCurrentWorkspace, requireUser } from "~/app/(app)/_lib/session";
import { DeleteWorkspaceForm } from "~/components/settings/delete-workspace-form";
import { RenameWorkspaceForm } from "~/components/settings/rename-workspace-form";
import { WaiverApprovalSetting } from "~/components/settings/waiver-approval-setting";
import { hasRole } from "~/server/auth/roles";

export const metadata: Metadata = { title: "Workspace settings" };

// The workspace itself: its name (admins), how waivers are approved and its deletion (owners).
export default async function WorkspaceSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireUser(`/w/${slug}/settings`);
  const workspace = await getCurrentWorkspace(slug);
  const isOwner = workspace.role === "owner";

  return (
    <div className="space-y-6">
      <RenameWorkspaceForm workspace={workspace.slug} name={workspace.name} canRename={hasRole(workspace.role, "admin")} />
      <WaiverApprovalSetting workspace={workspace.slug} allowed={workspace.allowWaiverSelfApproval} isOwner={isOwner} />
      {isOwner && <DeleteWorkspaceForm workspace={workspace.slug} name={workspace.name} />}
    </div>
  );
}
