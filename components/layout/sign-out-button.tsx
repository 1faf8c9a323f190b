"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Button } from "~/components/ui/button";

export function SignOutButton({ className }: { className?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: () => {
        // Nothing the signed-out user could read may stay in memory for the next person.
        queryClient.clear();
        router.replace("/signin");
        router.refresh();
      },
    }),
  );
  return (
    <Button variant="ghost" size="sm" className={className} isLoading={signOut.isPending} onClick={() => signOut.mutate()}>
      Sign out
    </Button>
  );
}
