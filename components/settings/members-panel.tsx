"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "~/components/providers/trpc-provider";
import { InviteMemberForm } from "./invite-member-form";
import { MembersTable } from "./members-table";
import { PendingInvitationsTable } from "./pending-invitations-table";
import type { MemberPermissions } from "./types";

export function MembersPanel({
  workspace,
  currentUserId,
  permissions,
}: {
  workspace: string;
  currentUserId: string;
  permissions: MemberPermissions;
}) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.members.list.queryOptions({ workspace }));
  return (
    <div className="space-y-6">
      {permissions.canManage && <InviteMemberForm workspace={workspace} permissions={permissions} />}
      <MembersTable workspace={workspace} members={data.members} currentUserId={currentUserId} permissions={permissions} />
      <PendingInvitationsTable workspace={workspace} invitations={data.invitations} canManage={permissions.canManage} />
    </div>
  );
}
