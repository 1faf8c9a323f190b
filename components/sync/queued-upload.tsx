"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { formatBytes } from "./format";
import { UploadResult } from "./upload-result";
import type { QueuedUploadAnswer, UploadStatus } from "./types";

const POLL_MS = 1500;

const isSettled = (status: UploadStatus | undefined) => status?.status === "stored" || status?.status === "failed";

// A report the server answered with 202: a worker reads it, and the form follows it until it is
// stored (the same result as a 201) or failed. Leaving the page loses nothing; the pending list
// below keeps following it.
export function QueuedUpload({ workspace, name, queued }: { workspace: string; name: string; queued: QueuedUploadAnswer }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: status, error } = useQuery(
    trpc.uploads.status.queryOptions(
      { workspace, id: queued.id },
      // An answer that is an error stops the polling: the pending list still follows the report.
      { refetchInterval: (query) => (isSettled(query.state.data) || query.state.error ? false : POLL_MS) },
    ),
  );
  const settled = isSettled(status);

  useEffect(() => {
    if (!settled) return;
    void queryClient.invalidateQueries(trpc.uploads.list.queryFilter());
    void queryClient.invalidateQueries(trpc.uploads.pending.queryFilter());
  }, [settled, queryClient, trpc]);

  if (status?.status === "stored") {
    return <UploadResult name={name} answer={status} />;
  }
  if (status?.status === "failed") {
    return (
      <Alert tone="error" title={`${name} was not stored`}>
        {status.error}
      </Alert>
    );
  }
  return (
    <Alert tone="info" title={`Received ${name} (${formatBytes(queued.sizeBytes)}); reading it in the background…`}>
      {error ? (
        <p>Its progress could not be read ({error.message}); the list of uploads below shows it until it is stored.</p>
      ) : (
        <p>
          {status?.status === "processing" ? "A worker is reading it now." : "Waiting for a worker."} You can leave this page: it
          is stored either way, and appears under Recent uploads.
        </p>
      )}
    </Alert>
  );
}
