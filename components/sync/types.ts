import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "~/server/api/root";
import type { UploadSummary } from "~/server/uploads/parsers/upload-types";

export type { UploadSummary };
type RouterOutputs = inferRouterOutputs<AppRouter>;
export type SyncRun = RouterOutputs["sync"]["run"];
export type SyncTask = RouterOutputs["sync"]["runTasks"][number];
export type RunListItem = RouterOutputs["sync"]["runs"][number];
export type SyncSource = RouterOutputs["sync"]["sources"][number];
export type FreshnessRow = RouterOutputs["sync"]["freshness"][number];
export type AccountRow = RouterOutputs["accounts"]["list"][number];
export type UploadRow = RouterOutputs["uploads"]["list"][number];
export type UploadStatus = RouterOutputs["uploads"]["status"];
export type RunStatus = RunListItem["status"];
export type TaskStatus = SyncTask["status"];

// What the server page decided about the caller, so client code repeats no role rules.
export interface SyncPermissions {
  canSync: boolean;
  canSchedule: boolean;
  canUpload: boolean;
}

// The answer of POST /api/v1/uploads for a report read while the request waited (201), and the
// shape a report read in the background has once stored.
export interface UploadAnswer {
  id: string;
  kind: string;
  format: string;
  tool: { name: string; version?: string };
  specVersion: string | null;
  counts: UploadSummary;
  warnings: string[];
}

// The answer of POST /api/v1/uploads for a report larger than the inline limit (202): a worker
// reads it, and uploads.status follows it.
export interface QueuedUploadAnswer {
  id: string;
  status: "queued";
  sizeBytes: number;
  statusUrl: string;
}
