"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Card, CardHeader } from "~/components/ui/card";
import { ConfirmButton } from "~/components/ui/confirm-button";
import { DateTime } from "~/components/ui/date-time";
import { Select } from "~/components/ui/select";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { roleLabels, RoleOptions } from "./role-options";
import type { Member, MemberPermissions, Role } from "./types";

export function MembersTable({
  workspace,
  members,
  currentUserId,
  permissions,
}: {
  workspace: string;
  members: Member[];
  currentUserId: string;
  permissions: MemberPermissions;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const invalidate = () => queryClient.invalidateQueries(trpc.members.list.queryFilter());
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions({ onSettled: invalidate }));
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: (result) => {
        if (result.userId !== currentUserId) return invalidate();
        // Having left, nothing here is ours to see: the home page picks a workspace that remains.
        queryClient.clear();
        router.replace("/");
      },
    }),
  );
  const error = changeRole.error ?? remove.error;

  // A role the caller may not assign (owner, for admins) is shown, not offered.
  function canEdit(member: Member): boolean {
    return permissions.canManage && member.id !== currentUserId && permissions.assignableRoles.includes(member.role);
  }

  return (
    <Card>
      <CardHeader
        title="Members"
        description={`${members.length === 1 ? "One person has" : `${members.length} people have`} access to this workspace.`}
      />
      {error && (
        <Alert tone="error" className="mx-5 mt-4">
          {error.message}
        </Alert>
      )}
      <Table caption="Members">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Email</Th>
            <Th>Role</Th>
            <Th>Joined</Th>
            <Th className="text-right">
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <TBody>
          {members.map((member) => {
            const isSelf = member.id === currentUserId;
            return (
              <tr key={member.id}>
                <Td className="font-medium text-slate-900">
                  {member.name ?? "—"}
                  {isSelf && <span className="ml-2 text-xs font-normal text-slate-500">(you)</span>}
                </Td>
                <Td>{member.email}</Td>
                <Td>
                  {canEdit(member) ? (
                    <Select
                      aria-label={`Role for ${member.email}`}
                      className="h-8 w-32 py-1"
                      value={member.role}
                      disabled={changeRole.isPending}
                      onChange={(e) => changeRole.mutate({ workspace, userId: member.id, role: e.target.value as Role })}
                    >
                      <RoleOptions roles={permissions.assignableRoles} />
                    </Select>
                  ) : (
                    <Badge tone={member.role === "owner" ? "blue" : "neutral"}>{roleLabels[member.role]}</Badge>
                  )}
                </Td>
                <Td className="whitespace-nowrap">
                  <DateTime value={member.joinedAt} />
                </Td>
                <Td className="text-right">
                  {isSelf ? (
                    <ConfirmButton
                      label="Leave workspace"
                      question="Leave this workspace?"
                      confirmLabel="Yes, leave"
                      isPending={remove.isPending}
                      onConfirm={() => remove.mutate({ workspace, userId: member.id })}
                    />
                  ) : (
                    canEdit(member) && (
                      <ConfirmButton
                        label="Remove"
                        question={`Remove ${member.email}?`}
                        confirmLabel="Yes, remove"
                        isPending={remove.isPending && remove.variables?.userId === member.id}
                        onConfirm={() => remove.mutate({ workspace, userId: member.id })}
                      />
                    )
                  )}
                </Td>
              </tr>
            );
          })}
        </TBody>
      </Table>
    </Card>
  );
}
