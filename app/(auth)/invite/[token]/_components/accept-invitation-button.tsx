"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";

export function AcceptInvitationButton({ token }: { token: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const accept = useMutation(
    trpc.workspaces.acceptInvitation.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries(trpc.workspaces.pathFilter());
        router.replace(`/w/${result.workspace}/overview`);
      },
    }),
  );
  return (
    <div className="space-y-3">
      {accept.error && <Alert tone="error">{accept.error.message}</Alert>}
      <Button className="w-full" isLoading={accept.isPending || accept.isSuccess} onClick={() => accept.mutate({ token })}>
        Accept invitation
      </Button>
    </div>
  );
}
