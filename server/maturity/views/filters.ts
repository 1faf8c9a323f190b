import { db } from "~/server/db";
import type { Environment } from "../evidence";
import type { FilterOptions } from "./types";

const ENVIRONMENT_ORDER: Environment[] = ["prod", "staging", "dev", "sandbox"];

/** Every account of the newest snapshot, whatever the current filter: what the filters offer. */
export async function filterOptions(workspaceId: string, snapshotId: string | null): Promise<FilterOptions> {
  if (!snapshotId) return { environments: [], ouPaths: [], accounts: [] };
  const accounts = await db.$queryRaw<
    { accountId: string; name: string | null; environment: Environment | null; ouPath: string | null }[]
  >`
    SELECT l."accountId", a.name, l.environment::text AS environment, l."ouPath"
      FROM "MaturityAccountLevel" l
      LEFT JOIN "AwsAccount" a ON a."workspaceId" = l."workspaceId" AND a."accountId" = l."accountId"
     WHERE l."snapshotId" = ${snapshotId} AND l."workspaceId" = ${workspaceId}
     ORDER BY a.name NULLS LAST, l."accountId"`;
  const present = new Set(accounts.map((a) => a.environment));
  const ouPaths = new Set<string>();
  for (const a of accounts) {
    if (!a.ouPath) continue;
    // Offer every ancestor too: filtering by /Workloads covers /Workloads/Prod.
    const parts = a.ouPath.split("/").filter(Boolean);
    for (let i = 1; i <= parts.length; i++) ouPaths.add(`/${parts.slice(0, i).join("/")}`);
  }
  return {
    environments: ENVIRONMENT_ORDER.filter((e) => present.has(e)),
    ouPaths: [...ouPaths].sort(),
    accounts,
  };
}
