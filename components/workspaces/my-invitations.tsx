"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";

// Invitations addressed to the signed-in user's email, accepted without needing the link.
export function MyInvitations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { data: invitations } = useSuspenseQuery(trpc.workspaces.myInvitations.queryOptions());
  const accept = useMutation(
    trpc.workspaces.acceptInvitation.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries(trpc.workspaces.pathFilter());
        router.push(`/w/${result.workspace}/overview`);
      },
    }),
  );

  if (invitations.length === 0) return null;
  return (
    <Card>
      <CardHeader title="Invitations for you" description="Join a workspace someone has already set up." />
      {accept.error && (
        <Alert tone="error" className="mx-5 mt-4">
          {accept.error.message}
        </Alert>
      )}
      <ul className="divide-y divide-slate-100">
        {invitations.map((invitation) => {
          const variables = accept.variables;
          const isAccepting =
            accept.isPending && !!variables && "invitationId" in variables && variables.invitationId === invitation.id;
          return (
            <li key={invitation.id} className="flex items-center justify-between gap-4 px-5 py-3">
              <div className="min-w-0">
                <p id={`invitation-${invitation.id}`} className="truncate text-sm font-medium text-slate-900">
                  {invitation.workspace.name}
                </p>
                <p className="text-xs text-slate-500">
                  as <Badge>{invitation.role}</Badge>
                </p>
              </div>
              <Button
                size="sm"
                aria-describedby={`invitation-${invitation.id}`}
                isLoading={isAccepting}
                disabled={accept.isPending}
                onClick={() => accept.mutate({ invitationId: invitation.id })}
              >
                Accept
              </Button>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
