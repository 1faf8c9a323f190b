import { db } from "~/server/db";
import { inferEnvironment } from "~/server/accounts/environment";
import type { FinOpsFilters } from "./types";

// Who an account is (name, environment, OU path) and whether a filter keeps it: the same
// semantics as the maturity scope (server/maturity/views/scope-sql.ts) — an OU keeps the
// accounts at or below it, filters given together narrow each other.

export interface AccountInfo {
  accountId: string;
  name: string | null;
  environment: string | null;
  ouPath: string | null;
}

export interface Directory {
  accounts: Map<string, AccountInfo>;
  ous: { id: string; path: string }[];
}

/** The workspace's accounts and OUs; `only` reads just those accounts (the OUs still all). */
export async function loadDirectory(workspaceId: string, only?: readonly string[]): Promise<Directory> {
  const ids = only ? { in: [...only] } : undefined;
  const [connected, members, units, focus] = await Promise.all([
    db.awsAccount.findMany({
      where: { workspaceId, accountId: ids ?? { not: null } },
      select: { accountId: true, name: true, environment: true, ouPath: true },
      orderBy: { createdAt: "asc" },
    }),
    db.orgMember.findMany({
      where: { organization: { workspaceId }, accountId: ids },
      select: { accountId: true, name: true, ouPath: true },
    }),
    db.orgUnit.findMany({
      where: { organization: { workspaceId } },
      select: { ouId: true, path: true },
      orderBy: { path: "asc" },
    }),
    focusAccounts(workspaceId, only),
  ]);
  const accounts = new Map<string, AccountInfo>();
  for (const m of members) {
    accounts.set(m.accountId, {
      accountId: m.accountId,
      name: m.name,
      environment: inferEnvironment(m.ouPath),
      ouPath: m.ouPath,
    });
  }
  for (const a of connected) {
    const member = accounts.get(a.accountId!);
    accounts.set(a.accountId!, {
      accountId: a.accountId!,
      name: a.name ?? member?.name ?? null,
      environment: a.environment ?? member?.environment ?? null,
      ouPath: a.ouPath ?? member?.ouPath ?? null,
    });
  }
  for (const f of focus) {
    if (!accounts.has(f.subAccountId!)) {
      accounts.set(f.subAccountId!, { accountId: f.subAccountId!, name: f.subAccountName, environment: null, ouPath: null });
    }
  }
  const ous = [...new Map(units.map((u) => [u.ouId, { id: u.ouId, path: u.path }])).values()];
  return { accounts, ous };
}

/**
 * The sub-accounts FOCUS rows name, one row each. A million rows name a thousand accounts: the
 * distinct ones are found by skipping through the (workspaceId, subAccountId) index, one probe per
 * account, not by reading every row.
 */
function focusAccounts(workspaceId: string, only?: readonly string[]) {
  if (only)
    return db.$queryRaw<{ subAccountId: string; subAccountName: string | null }[]>`
      SELECT DISTINCT ON ("subAccountId") "subAccountId", "subAccountName" FROM "FocusCostRow"
       WHERE "workspaceId" = ${workspaceId} AND "subAccountId" = ANY(${[...only]}::text[])
       ORDER BY "subAccountId"`;
  return db.$queryRaw<{ subAccountId: string; subAccountName: string | null }[]>`
    WITH RECURSIVE a AS (
      (SELECT "subAccountId", "subAccountName" FROM "FocusCostRow"
        WHERE "workspaceId" = ${workspaceId} AND "subAccountId" IS NOT NULL ORDER BY "subAccountId" LIMIT 1)
      UNION ALL
      SELECT n."subAccountId", n."subAccountName" FROM a
        CROSS JOIN LATERAL (SELECT "subAccountId", "subAccountName" FROM "FocusCostRow"
                             WHERE "workspaceId" = ${workspaceId} AND "subAccountId" > a."subAccountId"
                             ORDER BY "subAccountId" LIMIT 1) n
    )
    SELECT * FROM a`;
}

const trimSlash = (path: string) => path.replace(/\/+$/, "") || "/";

/** The OU path a filter names (an id is looked up; an unknown id keeps nothing). */
export function ouPathOf(directory: Directory, ou: string): string | null {
  if (ou.startsWith("/")) return trimSlash(ou);
  return directory.ous.find((o) => o.id === ou)?.path ?? null;
}

export function accountFilter(directory: Directory, filters: FinOpsFilters): (accountId: string) => boolean {
  const ouPath = filters.ou ? ouPathOf(directory, filters.ou) : undefined;
  return (accountId) => {
    if (filters.accountId && accountId !== filters.accountId) return false;
    if (!filters.environment && filters.ou === undefined) return true;
    const info = directory.accounts.get(accountId);
    if (filters.environment && info?.environment !== filters.environment) return false;
    if (filters.ou !== undefined) {
      if (!ouPath || !info?.ouPath) return false;
      const own = trimSlash(info.ouPath);
      if (ouPath !== "/" && own !== ouPath && !own.startsWith(`${ouPath}/`)) return false;
    }
    return true;
  };
}
