"use client";

import Link from "next/link";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Badge } from "~/components/ui/badge";
import { DateTime } from "~/components/ui/date-time";
import { EmptyState } from "~/components/ui/empty-state";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { formatNumber, plural, UPLOADS_LIMIT } from "./format";
import type { UploadSummary } from "./types";

const dash = <span className="text-slate-500">—</span>;

export function UploadsTable({ workspace }: { workspace: string }) {
  const trpc = useTRPC();
  const { data: uploads } = useSuspenseQuery(trpc.uploads.list.queryOptions({ workspace, limit: UPLOADS_LIMIT }));
  if (!uploads.length) {
    return (
      <div className="p-5">
        <EmptyState title="No uploads yet">
          Scan results, SBOMs, incident exports and deployments sent from CI or this page appear here.
        </EmptyState>
      </div>
    );
  }
  return (
    <Table caption="Recent uploads">
      <thead>
        <tr>
          <Th>Uploaded</Th>
          <Th>Kind</Th>
          <Th>Tool</Th>
          <Th>Source</Th>
          <Th className="text-right">Failed / findings</Th>
          <Th className="text-right">Components</Th>
          <Th className="text-right">Incidents</Th>
          <Th className="text-right">Deployments</Th>
        </tr>
      </thead>
      <TBody>
        {uploads.map((upload) => {
          const summary = upload.summary as unknown as Partial<UploadSummary> | null;
          const findings = summary?.findings ?? 0;
          return (
            <tr key={upload.id}>
              <Td className="whitespace-nowrap">
                <DateTime value={upload.createdAt} withTime />
                {upload.filename && (
                  <p className="max-w-48 truncate text-xs text-slate-500" title={upload.filename}>
                    {upload.filename}
                  </p>
                )}
              </Td>
              <Td>
                <Badge>{upload.kind}</Badge>
                <p className="mt-0.5 text-xs text-slate-500">{upload.format}</p>
              </Td>
              <Td className="whitespace-nowrap">
                {upload.tool}
                {upload.toolVersion && <span className="text-xs text-slate-500"> {upload.toolVersion}</span>}
              </Td>
              <Td className="text-xs">
                {upload.kind === "focus" ? (
                  <FocusSource summary={upload.summary} workspace={workspace} />
                ) : upload.repository ? (
                  <p className="font-medium text-slate-900">{upload.repository}</p>
                ) : (
                  <p className="text-slate-500">No repository given</p>
                )}
                {(upload.isDemo || upload.pipeline) && (
                  <p className="mt-0.5 flex items-center gap-1.5 text-slate-500">
                    {upload.isDemo && <Badge tone="blue">Demo</Badge>}
                    {upload.pipeline}
                  </p>
                )}
                {(upload.branch || upload.commit) && (
                  <p className="font-mono text-slate-500">
                    {upload.branch}
                    {upload.branch && upload.commit && " @ "}
                    {upload.commit?.slice(0, 12)}
                  </p>
                )}
              </Td>
              <Td className="text-right tabular-nums">
                {findings ? (
                  <>
                    <span className={(summary?.failed ?? 0) > 0 ? "font-medium text-red-700" : undefined}>
                      {formatNumber(summary?.failed ?? 0)}
                    </span>
                    <span className="text-slate-500"> / {formatNumber(findings)}</span>
                  </>
                ) : (
                  dash
                )}
              </Td>
              <Td className="text-right tabular-nums">{summary?.components ? formatNumber(summary.components) : dash}</Td>
              <Td className="text-right tabular-nums">{summary?.incidents ? formatNumber(summary.incidents) : dash}</Td>
              <Td className="text-right tabular-nums">{summary?.deployments ? formatNumber(summary.deployments) : dash}</Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}

// A FOCUS cost export names no repository: its rows and billing periods, and where to read them.
function FocusSource({ summary, workspace }: { summary: unknown; workspace: string }) {
  const focus = summary as { rows?: number; focusVersion?: string; totals?: { billingPeriodStart: string }[] } | null;
  const periods = [...new Set((focus?.totals ?? []).map((t) => t.billingPeriodStart.slice(0, 7)))].sort();
  return (
    <>
      <p className="font-medium text-slate-900">
        {focus?.rows !== undefined ? plural(focus.rows, "cost row") : "Not read yet"}
        {focus?.focusVersion && <span className="font-normal text-slate-500"> · FOCUS {focus.focusVersion}</span>}
      </p>
      {periods.length > 0 && (
        <p className="mt-0.5 text-slate-500">
          Billing {periods.length === 1 ? "period" : "periods"} {periods.join(", ")} ·{" "}
          <Link href={`/w/${workspace}/finops`} className="underline">
            FinOps
          </Link>
        </p>
      )}
    </>
  );
}
