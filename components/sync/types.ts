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
export type RunStatus = RunListItem["status"];
export type TaskStatus = SyncTask["status"];

// What the server page decided about the caller, so client code repeats no role rules.
export interface SyncPermissions {
  canSync: boolean;
  canSchedule: boolean;
  canUpload: boolean;
}

// The answer of POST /api/v1/uploads.
export interface UploadAnswer {
  id: string;
  kind: string;
  format: string;
  tool: { name: string; version?: string };
  specVersion: string | null;
  counts: UploadSummary;
  warnings: string[];
}
