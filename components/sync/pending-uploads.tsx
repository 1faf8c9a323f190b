"use client";

import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Badge } from "~/components/ui/badge";
import { DateTime } from "~/components/ui/date-time";
import { formatBytes } from "./format";

const POLL_MS = 5000;

// The service lists only these (the column is a plain string).
const states: Record<"queued" | "processing" | "failed", { tone: React.ComponentProps<typeof Badge>["tone"]; label: string }> = {
  queued: { tone: "neutral", label: "Waiting for a worker" },
  processing: { tone: "blue", label: "Reading" },
  failed: { tone: "red", label: "Failed" },
};

// Reports too large to read while their request waited (from CI or this page): waiting for a
// worker, being read, or failed this week with the reason. Nothing is shown when there are none.
export function PendingUploads({ workspace }: { workspace: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: pending } = useSuspenseQuery(
    trpc.uploads.pending.queryOptions(
      { workspace },
      { refetchInterval: (query) => (query.state.data?.some((p) => p.status !== "failed") ? POLL_MS : false) },
    ),
  );

  // A report that leaves this list unfailed was stored: the table of uploads then shows it.
  const reading = pending.filter((p) => p.status !== "failed").map((p) => p.id);
  const readingKey = reading.join(" ");
  const wasReading = useRef(readingKey);
  useEffect(() => {
    const before = wasReading.current.split(" ").filter(Boolean);
    wasReading.current = readingKey;
    if (before.some((id) => !readingKey.split(" ").includes(id))) {
      void queryClient.invalidateQueries(trpc.uploads.list.queryFilter());
    }
  }, [readingKey, queryClient, trpc]);

  if (!pending.length) return null;
  return (
    <div className="border-b border-slate-200">
      <h3 className="px-5 pt-4 pb-2 text-sm font-semibold text-slate-900">Being read, or failed this week</h3>
      <ul aria-label="Uploads being read or failed" className="divide-y divide-slate-100 border-t border-slate-100">
        {pending.map((upload) => {
          const { tone, label } = states[upload.status];
          return (
            <li key={upload.id} className="flex items-start gap-3 px-5 py-3">
              <span className="w-40 shrink-0">
                <Badge tone={tone}>{label}</Badge>
              </span>
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium text-slate-900" title={upload.filename ?? undefined}>
                  {upload.filename ?? "Report without a file name"}
                </p>
                <p className="text-xs text-slate-500">
                  {formatBytes(upload.sizeBytes)} · received <DateTime value={upload.createdAt} withTime />
                </p>
                {upload.status === "failed" && upload.error && <p className="mt-1 text-sm text-red-700">{upload.error}</p>}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
