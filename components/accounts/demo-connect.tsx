"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { cn } from "~/components/ui/cn";

// The simulator's organisation, connected through the same path a person takes.
export function DemoConnect({ workspace, compact = false }: { workspace: string; compact?: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const connectDemo = useMutation(
    trpc.accounts.connectDemo.mutationOptions({
      // The organisation brings its CI's uploads with it.
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries(trpc.accounts.list.queryFilter()),
          queryClient.invalidateQueries(trpc.uploads.list.queryFilter()),
        ]),
    }),
  );

  return (
    <div
      className={cn(
        compact ? "flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-white px-4 py-3" : "space-y-2",
      )}
    >
      <div className={cn(compact && "min-w-0 flex-1")}>
        <p className="text-sm text-slate-600">
          {compact ? "Want to look around first?" : "No AWS at hand?"} The demo organisation is{" "}
          <strong className="font-semibold text-slate-800">simulated demo data</strong> served by Ladder&apos;s local AWS
          simulator, not a real AWS account. Its accounts and the scan results its CI uploads are labelled “Demo”; removing its
          management account removes those uploads too.
        </p>
      </div>
      <Button
        variant="secondary"
        size={compact ? "sm" : "md"}
        isLoading={connectDemo.isPending}
        onClick={() => connectDemo.mutate({ workspace })}
      >
        Connect the demo organisation
      </Button>
      {connectDemo.isPending && (
        <p role="status" className="w-full text-sm text-slate-600">
          Connecting 12 simulated accounts and their CI’s uploads…
        </p>
      )}
      {connectDemo.error && (
        <Alert tone="error" className="w-full">
          {connectDemo.error.message}
        </Alert>
      )}
    </div>
  );
}
