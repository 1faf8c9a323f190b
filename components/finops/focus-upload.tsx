"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useId, useState } from "react";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { Card, CardHeader } from "~/components/ui/card";
import { cn } from "~/components/ui/cn";
import { useIsBrowser } from "~/components/ui/use-is-browser";
import { readFocusTotals } from "./focus-totals";
import { FocusTotalsTable } from "./focus-totals-table";
import { sendFocusFile } from "./focus-send";

type State =
  | { status: "idle" }
  | { status: "sending"; name: string; fraction: number }
  | { status: "queued"; name: string; id: string }
  | { status: "stored"; name: string; answer: unknown }
  | { status: "error"; name: string; message: string };

const POLL_MS = 1500;

// Everything the FinOps page shows reads the finops router: refresh all of it once a file is stored.
const isFinOpsQuery = (query: { queryKey: readonly unknown[] }) =>
  Array.isArray(query.queryKey[0]) && query.queryKey[0][0] === "finops";

function Stored({ name, answer }: { name: string; answer: unknown }) {
  const totals = readFocusTotals(answer);
  return (
    <Alert tone="success" title={`Stored ${name}`}>
      {totals && totals.length > 0 ? (
        <>
          <p>The totals Ladder stored, per billing period and sub-account; they should equal your file&apos;s own sums.</p>
          <div className="mt-2 rounded-md bg-white">
            <FocusTotalsTable totals={totals} />
          </div>
        </>
      ) : (
        <p>The file was stored; its answer listed no totals.</p>
      )}
    </Alert>
  );
}

/** A file the server queued (202): follow its status until a worker has stored or refused it. */
function Queued({ workspace, name, id, onSettled }: { workspace: string; name: string; id: string; onSettled: () => void }) {
  const trpc = useTRPC();
  const { data } = useQuery(
    trpc.uploads.status.queryOptions(
      { workspace, id },
      {
        refetchInterval: (q) =>
          q.state.data?.status === "stored" || q.state.data?.status === "failed" || q.state.error ? false : POLL_MS,
      },
    ),
  );
  const settled = data?.status === "stored" || data?.status === "failed";
  useEffect(() => {
    if (settled) onSettled();
  }, [settled, onSettled]);
  if (data?.status === "stored") return <Stored name={name} answer={data} />;
  if (data?.status === "failed") {
    return (
      <Alert tone="error" title={`${name} was not stored`}>
        {data.error}
      </Alert>
    );
  }
  return (
    <p role="status" className="text-sm text-slate-700">
      Received {name}; {data?.status === "processing" ? "a worker is reading it now" : "waiting for a worker"}…
    </p>
  );
}

export function FocusUpload({ workspace, canUpload }: { workspace: string; canUpload: boolean }) {
  const id = useId();
  const queryClient = useQueryClient();
  const ready = useIsBrowser();
  const [state, setState] = useState<State>({ status: "idle" });
  const [isOver, setIsOver] = useState(false);
  const refresh = useCallback(() => void queryClient.invalidateQueries({ predicate: isFinOpsQuery }), [queryClient]);

  async function upload(file: File | undefined) {
    if (!file) return;
    setState({ status: "sending", name: file.name, fraction: 0 });
    try {
      const answer = await sendFocusFile(workspace, file, (fraction) =>
        setState({ status: "sending", name: file.name, fraction }),
      );
      if (answer.status === "queued") setState({ status: "queued", name: file.name, id: answer.id });
      else {
        setState({ status: "stored", name: file.name, answer: answer.body });
        refresh();
      }
    } catch (error) {
      setState({ status: "error", name: file.name, message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <Card>
      <CardHeader
        title="Upload a FOCUS cost export"
        description="FOCUS 1.0–1.3 as CSV, gzipped CSV or Parquet (AWS Data Exports, or another cloud's). Re-uploading a billing period replaces it."
      />
      <div className="space-y-4 px-5 py-4">
        {!canUpload ? (
          <p className="text-sm text-slate-700">
            You can read this page as a viewer. Uploading cost exports needs the editor role: ask an editor or an admin of this
            workspace to upload it, or to change your role.
          </p>
        ) : (
          <div
            onDragOver={(e) => {
              e.preventDefault();
              setIsOver(true);
            }}
            onDragLeave={() => setIsOver(false)}
            onDrop={(e) => {
              e.preventDefault();
              setIsOver(false);
              void upload(e.dataTransfer.files[0]);
            }}
            data-testid="focus-drop-zone"
            className={cn(
              "flex flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed px-6 py-8 text-center transition-colors",
              "focus-within:border-slate-500 focus-within:ring-2 focus-within:ring-slate-300",
              isOver ? "border-sky-500 bg-sky-50" : "border-slate-300 bg-slate-50",
            )}
          >
            <p className="text-sm text-slate-700">
              <label htmlFor={`${id}-file`} className="cursor-pointer font-medium text-slate-900 underline underline-offset-2">
                Choose a FOCUS file
              </label>{" "}
              or drop it here
            </p>
            <p className="text-xs text-slate-600">.csv, .csv.gz or .parquet</p>
            <input
              id={`${id}-file`}
              type="file"
              accept=".csv,.gz,.parquet,text/csv,application/gzip"
              className="sr-only"
              disabled={!ready || state.status === "sending"}
              onChange={(e) => {
                const input = e.currentTarget;
                void upload(input.files?.[0]).finally(() => {
                  input.value = "";
                });
              }}
            />
          </div>
        )}
        {state.status === "sending" && (
          <div role="status" className="space-y-1 text-sm text-slate-700">
            <p>
              Uploading {state.name}… {Math.round(state.fraction * 100)}%
            </p>
            <progress max={1} value={state.fraction} className="h-2 w-full" aria-label={`Uploading ${state.name}`} />
          </div>
        )}
        {state.status === "queued" && <Queued workspace={workspace} name={state.name} id={state.id} onSettled={refresh} />}
        {state.status === "stored" && <Stored name={state.name} answer={state.answer} />}
        {state.status === "error" && (
          <Alert tone="error" title={`${state.name} was not stored`}>
            {state.message}
          </Alert>
        )}
      </div>
    </Card>
  );
}
