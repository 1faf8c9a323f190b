"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useId, useState } from "react";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { Card, CardHeader } from "~/components/ui/card";
import { cn } from "~/components/ui/cn";
import { useIsBrowser } from "~/components/ui/use-is-browser";

type Answer = { status: "stored"; incidents: number | null; format: string | null } | { status: "queued"; id: string };

type State =
  | { status: "idle" }
  | { status: "sending"; name: string }
  | { status: "queued"; name: string; id: string }
  | { status: "stored"; name: string; incidents: number | null; format: string | null }
  | { status: "error"; name: string; message: string };

// The same endpoint CI uses, with the session cookie; the format (PagerDuty, Opsgenie,
// incident.io, Ladder's JSON) is detected by the server. Fields before the file: the server
// reads the form as a stream.
async function sendIncidents(workspace: string, file: File): Promise<Answer> {
  const body = new FormData();
  body.set("workspace", workspace);
  body.set("kind", "incidents");
  body.set("file", file);
  const response = await fetch(`/api/v1/uploads?workspace=${encodeURIComponent(workspace)}`, { method: "POST", body });
  const json = (await response.json().catch(() => null)) as {
    id?: string;
    format?: string;
    counts?: { incidents?: number };
    error?: { message?: string };
  } | null;
  if (!response.ok) throw new Error(json?.error?.message ?? `The upload failed (HTTP ${response.status}).`);
  if (response.status === 202 && json?.id) return { status: "queued", id: json.id };
  return { status: "stored", incidents: json?.counts?.incidents ?? null, format: json?.format ?? null };
}

const isIncidentsQuery = (query: { queryKey: readonly unknown[] }) =>
  Array.isArray(query.queryKey[0]) && query.queryKey[0][0] === "incidents";

function StoredMessage({ name, incidents, format }: { name: string; incidents: number | null; format: string | null }) {
  return (
    <Alert tone="success" title={`Stored ${name}`}>
      {incidents === null ? "The file was stored." : `${incidents} incident${incidents === 1 ? "" : "s"} read`}
      {format ? ` (${format})` : ""}; the figures above now count them, once each.
    </Alert>
  );
}

function Queued({ workspace, name, id, onStored }: { workspace: string; name: string; id: string; onStored: () => void }) {
  const trpc = useTRPC();
  const { data } = useQuery(
    trpc.uploads.status.queryOptions(
      { workspace, id },
      {
        refetchInterval: (q) =>
          q.state.data?.status === "stored" || q.state.data?.status === "failed" || q.state.error ? false : 1500,
      },
    ),
  );
  const isStored = data?.status === "stored";
  useEffect(() => {
    if (isStored) onStored();
  }, [isStored, onStored]);
  if (data?.status === "stored")
    return <StoredMessage name={name} incidents={data.counts?.incidents ?? null} format={data.format ?? null} />;
  if (data?.status === "failed") {
    return (
      <Alert tone="error" title={`${name} was not stored`}>
        {data.error}
      </Alert>
    );
  }
  return (
    <p role="status" className="text-sm text-slate-700">
      Received {name}; a worker is reading it…
    </p>
  );
}

/** For editors, a drop zone for incident exports; viewers are told who can upload. */
export function IncidentUpload({ workspace, canUpload }: { workspace: string; canUpload: boolean }) {
  const id = useId();
  const queryClient = useQueryClient();
  const ready = useIsBrowser();
  const [state, setState] = useState<State>({ status: "idle" });
  const [isOver, setIsOver] = useState(false);
  const refresh = useCallback(() => void queryClient.invalidateQueries({ predicate: isIncidentsQuery }), [queryClient]);

  async function upload(file: File | undefined) {
    if (!file) return;
    setState({ status: "sending", name: file.name });
    try {
      const answer = await sendIncidents(workspace, file);
      if (answer.status === "queued") setState({ status: "queued", name: file.name, id: answer.id });
      else {
        setState({ status: "stored", name: file.name, incidents: answer.incidents, format: answer.format });
        refresh();
      }
    } catch (error) {
      setState({ status: "error", name: file.name, message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <Card>
      <CardHeader
        title="Upload incidents"
        description={
          <>
            PagerDuty (REST API pages or its CSV export), Opsgenie alerts, incident.io incidents or Ladder&apos;s incidents JSON;
            the format is detected. CI deployments and token uploads: the{" "}
            <Link href={`/w/${workspace}/sync`} className="text-sky-800 underline underline-offset-2">
              Sync page
            </Link>
            .
          </>
        }
      />
      <div className="space-y-4 px-5 py-4">
        {!canUpload ? (
          <p className="text-sm text-slate-700">
            You can read this page as a viewer. Uploading incidents needs the editor role: ask an editor or an admin of this
            workspace.
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
            data-testid="incidents-drop-zone"
            className={cn(
              "flex flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed px-6 py-8 text-center transition-colors",
              "focus-within:border-slate-500 focus-within:ring-2 focus-within:ring-slate-300",
              isOver ? "border-sky-500 bg-sky-50" : "border-slate-300 bg-slate-50",
            )}
          >
            <p className="text-sm text-slate-700">
              <label htmlFor={`${id}-file`} className="cursor-pointer font-medium text-slate-900 underline underline-offset-2">
                Choose an incidents file
              </label>{" "}
              or drop it here
            </p>
            <p className="text-xs text-slate-600">.json or .csv</p>
            <input
              id={`${id}-file`}
              type="file"
              accept=".json,.csv,application/json,text/csv"
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
          <p role="status" className="text-sm text-slate-700">
            Uploading {state.name}…
          </p>
        )}
        {state.status === "queued" && <Queued workspace={workspace} name={state.name} id={state.id} onStored={refresh} />}
        {state.status === "stored" && <StoredMessage name={state.name} incidents={state.incidents} format={state.format} />}
        {state.status === "error" && (
          <Alert tone="error" title={`${state.name} was not stored`}>
            {state.message}
          </Alert>
        )}
      </div>
    </Card>
  );
}
