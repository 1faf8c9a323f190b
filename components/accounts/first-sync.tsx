"use client";

import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { useTRPC } from "~/components/providers/trpc-provider";
import { RunProgress } from "~/components/sync/run-progress";
import { syncPath } from "~/components/sync/format";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";

const POLL_MS = 2000;
const linkClass = "font-medium text-slate-900 underline underline-offset-2";

// What comes after connecting: the latest sync, from "not started" to a link to its results.
// Editors start one here; viewers see the state only.
export function FirstSync({ workspace, canEdit }: { workspace: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: runs } = useSuspenseQuery(trpc.sync.runs.queryOptions({ workspace, limit: 1 }));
  const latest = runs[0];
  const { data: run } = useQuery({
    ...trpc.sync.run.queryOptions(
      { workspace, runId: latest?.id ?? "" },
      { refetchInterval: (query) => (query.state.data && !query.state.data.finishedAt ? POLL_MS : false) },
    ),
    enabled: Boolean(latest),
  });
  const start = useMutation(
    trpc.sync.start.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.sync.runs.queryFilter()) }),
  );

  // The list said "running" when it was read; once the run finishes, read it again.
  const isFinished = Boolean(run?.finishedAt);
  const wasFinished = useRef(isFinished);
  useEffect(() => {
    if (isFinished && !wasFinished.current) void queryClient.invalidateQueries(trpc.sync.runs.queryFilter());
    wasFinished.current = isFinished;
  }, [isFinished, queryClient, trpc]);

  const status = run?.status ?? latest?.status;
  const isRunning = Boolean(latest) && !(run?.finishedAt ?? latest?.finishedAt);
  const syncNow = canEdit && !isRunning && (
    <Button variant={latest ? "secondary" : "primary"} isLoading={start.isPending} onClick={() => start.mutate({ workspace })}>
      Sync now
    </Button>
  );

  return (
    <Card data-testid="first-sync">
      <CardHeader
        title={!latest ? "Next: sync" : isRunning ? "Syncing" : status === "failed" ? "The last sync failed" : "Synced"}
        description={
          !latest
            ? canEdit
              ? "Ladder has not read these accounts yet. A sync reads them (a few minutes for a dozen accounts), then the maturity ladder is worked out from what it found."
              : "Ladder has not read these accounts yet; an editor can start the first sync."
            : isRunning
              ? "Ladder is reading the connected accounts; the maturity ladder is worked out when it finishes."
              : undefined
        }
        action={syncNow}
      />
      {(latest || start.error) && (
        <CardBody className="space-y-3">
          {run && isRunning && <RunProgress run={run} />}
          {latest && !isRunning && status !== "failed" && (
            <p className="text-sm text-slate-700">
              {status === "partial"
                ? "The sync finished, though some accounts or sources could not be read. "
                : "The sync finished. "}
              <Link href={`/w/${workspace}/maturity`} className={linkClass}>
                See where you stand on the Maturity page
              </Link>
              {status === "partial" && (
                <>
                  {" · "}
                  <Link href={syncPath(workspace, latest.id)} className={linkClass}>
                    What could not be read
                  </Link>
                </>
              )}
            </p>
          )}
          {latest && !isRunning && status === "failed" && (
            <Alert tone="error">
              Nothing could be read.{" "}
              <Link href={syncPath(workspace, latest.id)} className="font-medium underline underline-offset-2">
                See why on the Sync page
              </Link>
            </Alert>
          )}
          {start.error && <Alert tone="error">{start.error.message}</Alert>}
        </CardBody>
      )}
    </Card>
  );
}
