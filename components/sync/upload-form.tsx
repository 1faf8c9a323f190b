"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { cn } from "~/components/ui/cn";
import { Label } from "~/components/ui/label";
import { Select } from "~/components/ui/select";
import { useIsBrowser } from "~/components/ui/use-is-browser";
import { QueuedUpload } from "./queued-upload";
import { UploadResult } from "./upload-result";
import type { QueuedUploadAnswer, UploadAnswer } from "./types";

const kinds = [
  { value: "", label: "Detect automatically" },
  { value: "checkov", label: "Checkov" },
  { value: "trivy", label: "Trivy" },
  { value: "grype", label: "Grype" },
  { value: "sbom", label: "SBOM (CycloneDX or SPDX)" },
  { value: "incidents", label: "Incidents (PagerDuty JSON or CSV, Opsgenie, incident.io, Ladder JSON)" },
  { value: "deployments", label: "Deployments (Ladder JSON or GitHub deployment_status)" },
  { value: "focus", label: "FOCUS cost export (CSV, gzip or Parquet)" },
];

type State =
  | { status: "idle" }
  | { status: "sending"; name: string }
  | { status: "done"; name: string; answer: UploadAnswer }
  | { status: "queued"; name: string; queued: QueuedUploadAnswer }
  | { status: "error"; name: string; message: string };

type SendResult = { status: "done"; answer: UploadAnswer } | { status: "queued"; queued: QueuedUploadAnswer };

// The browser posts to the same endpoint CI uses, with its session cookie and the workspace named.
// The server reads the form as a stream and must know the workspace before it stages a large
// file, so the fields go before the file, and the workspace is in the address too.
async function sendFile(workspace: string, file: File, kind: string): Promise<SendResult> {
  const body = new FormData();
  body.set("workspace", workspace);
  if (kind) body.set("kind", kind);
  body.set("file", file);
  const response = await fetch(`/api/v1/uploads?workspace=${encodeURIComponent(workspace)}`, { method: "POST", body });
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (json as { error?: { message?: string } } | null)?.error?.message;
    throw new Error(message ?? `The upload failed (HTTP ${response.status}).`);
  }
  return response.status === 202
    ? { status: "queued", queued: json as QueuedUploadAnswer }
    : { status: "done", answer: json as UploadAnswer };
}

export function UploadForm({ workspace }: { workspace: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [state, setState] = useState<State>({ status: "idle" });
  const [isOver, setIsOver] = useState(false);
  const ready = useIsBrowser();

  async function upload(file: File | undefined, form: HTMLFormElement | null) {
    if (!file) return;
    const kind = form ? String(new FormData(form).get("kind") ?? "") : "";
    setState({ status: "sending", name: file.name });
    try {
      const sent = await sendFile(workspace, file, kind);
      setState({ ...sent, name: file.name });
      if (sent.status === "done") await queryClient.invalidateQueries(trpc.uploads.list.queryFilter());
      else await queryClient.invalidateQueries(trpc.uploads.pending.queryFilter());
    } catch (error) {
      setState({ status: "error", name: file.name, message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <form className="space-y-4" onSubmit={(e) => e.preventDefault()}>
      <div className="max-w-xs space-y-1.5">
        <Label htmlFor={`${id}-kind`}>Kind</Label>
        <Select id={`${id}-kind`} name="kind" defaultValue="">
          {kinds.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </Select>
      </div>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setIsOver(true);
        }}
        onDragLeave={() => setIsOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setIsOver(false);
          void upload(e.dataTransfer.files[0], e.currentTarget.closest("form"));
        }}
        className={cn(
          "relative flex flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed px-6 py-8 text-center transition-colors",
          "focus-within:border-slate-500 focus-within:ring-2 focus-within:ring-slate-300",
          isOver ? "border-sky-400 bg-sky-50" : "border-slate-300 bg-slate-50",
        )}
      >
        <svg
          viewBox="0 0 24 24"
          className="size-6 text-slate-400"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          aria-hidden="true"
        >
          <path
            d="M12 16V4m0 0-4 4m4-4 4 4M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <p className="text-sm text-slate-700">
          <label htmlFor={`${id}-file`} className="cursor-pointer font-medium text-slate-900 underline underline-offset-2">
            Choose a file
          </label>{" "}
          or drop it here
        </p>
        <p className="text-xs text-slate-500">
          SARIF (Checkov, Trivy, Grype), Checkov/Trivy/Grype JSON, CycloneDX or SPDX SBOMs, incidents (PagerDuty, Opsgenie,
          incident.io, Ladder JSON), deployments (Ladder JSON, GitHub deployment_status), FOCUS cost exports
        </p>
        <input
          id={`${id}-file`}
          type="file"
          aria-label="Upload a report"
          className="sr-only"
          disabled={!ready || state.status === "sending"}
          onChange={(e) => {
            const input = e.currentTarget;
            void upload(input.files?.[0], input.form).finally(() => {
              input.value = "";
            });
          }}
        />
      </div>
      {state.status === "sending" && (
        <p role="status" className="text-sm text-slate-600">
          Uploading {state.name}…
        </p>
      )}
      {state.status === "error" && (
        <Alert tone="error" title={`${state.name} was not stored`}>
          {state.message}
        </Alert>
      )}
      {state.status === "done" && <UploadResult name={state.name} answer={state.answer} />}
      {state.status === "queued" && (
        <QueuedUpload key={state.queued.id} workspace={workspace} name={state.name} queued={state.queued} />
      )}
    </form>
  );
}
