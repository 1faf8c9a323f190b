"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { DateTime } from "~/components/ui/date-time";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { roleLabels } from "./role-options";
import type { PendingInvitation } from "./types";

export function PendingInvitationsTable({
  workspace,
  invitations,
  canManage,
}: {
  workspace: string;
  invitations: PendingInvitation[];
  canManage: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revoke = useMutation(
    trpc.members.revokeInvitation.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.members.list.queryFilter()),
    }),
  );
  if (invitations.length === 0) return null;

  return (
    <Card>
      <CardHeader title="Pending invitations" description="Invitations that have not been accepted yet." />
      {revoke.error && (
        <Alert tone="error" className="mx-5 mt-4">
          {revoke.error.message}
        </Alert>
      )}
      <Table caption="Pending invitations">
        <thead>
          <tr>
            <Th>Email</Th>
            <Th>Role</Th>
            <Th>Expires</Th>
            {canManage && (
              <Th className="text-right">
                <span className="sr-only">Actions</span>
              </Th>
            )}
          </tr>
        </thead>
        <TBody>
          {invitations.map((invitation) => {
            const isExpired = invitation.expiresAt < new Date();
            return (
              <tr key={invitation.id}>
                <Td className="font-medium text-slate-900">{invitation.email}</Td>
                <Td>
                  <Badge>{roleLabels[invitation.role]}</Badge>
                </Td>
                <Td className="whitespace-nowrap">
                  {isExpired ? <Badge tone="amber">Expired</Badge> : <DateTime value={invitation.expiresAt} />}
                </Td>
                {canManage && (
                  <Td className="text-right">
                    <Button
                      variant="secondary"
                      size="sm"
                      isLoading={revoke.isPending && revoke.variables?.invitationId === invitation.id}
                      onClick={() => revoke.mutate({ workspace, invitationId: invitation.id })}
                    >
                      Revoke
                    </Button>
                  </Td>
                )}
              </tr>
            );
          })}
        </TBody>
      </Table>
    </Card>
  );
}
