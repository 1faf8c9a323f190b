import type { AccountRow } from "./types";

export const RUNS_LIMIT = 20;
export const UPLOADS_LIMIT = 20;
export const syncPath = (workspace: string, runId?: string) =>
  `/w/${workspace}/sync${runId ? `?run=${encodeURIComponent(runId)}` : ""}`;

// Organisation-wide sources run once, in the management (payer) account.
export const orgWideSources = new Set(["organization", "cost"]);

const numberFormat = new Intl.NumberFormat("en-US");
export const formatNumber = (value: number) => numberFormat.format(value);

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1000) return `${ms} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function formatAgo(date: Date, now: number): string {
  const seconds = Math.max(0, Math.round((now - date.getTime()) / 1000));
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} ${hours === 1 ? "hour" : "hours"} ago`;
  const days = Math.round(hours / 24);
  if (days < 60) return `${days} ${days === 1 ? "day" : "days"} ago`;
  const months = Math.round(days / 30);
  return `${months} months ago`;
}

export function accountLabel(account: Pick<AccountRow, "name" | "accountId"> | undefined, accountId: string): string {
  return account?.name ? `${account.name} (${accountId})` : accountId;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const plural = (count: number, one: string, many = `${one}s`) => `${formatNumber(count)} ${count === 1 ? one : many}`;
