import { Prisma } from "~/generated/prisma/client";
import { accountFilter, loadDirectory, ouPathOf, type Directory } from "~/server/finops/accounts";
import { isProductionFor, type ProductionPredicate } from "./computations";
import type { Bucket, IncidentFilters } from "./types";

// Which rows a view reads: the workspace, the range, and the OU / environment / account / service
// filters with the maturity pages' semantics (an OU keeps the accounts at or below it; filters
// given together narrow each other). Accounts are resolved once here and handed to SQL as a list.

const DAY_MS = 86_400_000;
export const DEFAULT_FAILURE_WINDOW_HOURS = 24;

export interface Scope {
  workspaceId: string;
  filters: IncidentFilters & { from: string; to: string; bucket: Bucket; failureWindowHours: number };
  from: Date;
  to: Date;
  /** The accounts the OU / environment / account filters keep; null = no such filter. */
  accountIds: string[] | null;
  directory: Directory;
  isProduction: ProductionPredicate;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The range's defaults: `to` is tomorrow (UTC), `from` 12 months before it. */
export function resolveRange(filters: IncidentFilters, now: Date): { from: string; to: string } {
  const to = filters.to ?? isoDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS));
  if (filters.from) return { from: filters.from, to };
  const end = new Date(`${to}T00:00:00Z`);
  return { from: isoDay(new Date(Date.UTC(end.getUTCFullYear() - 1, end.getUTCMonth(), end.getUTCDate()))), to };
}

/**
 * `onlyAccount`: a view of one account (a comparison) reads only that account's directory entry,
 * unless an OU or environment filter needs every account's.
 */
export async function resolveScope(
  workspaceId: string,
  filters: IncidentFilters,
  now: Date,
  onlyAccount?: string,
): Promise<Scope> {
  const directory = await loadDirectory(workspaceId, needsWholeDirectory(filters) || !onlyAccount ? undefined : [onlyAccount]);
  return scopeFrom(workspaceId, filters, now, directory);
}

/** OU and environment filters name accounts through the directory; the others do not need it. */
export const needsWholeDirectory = (filters: IncidentFilters) => filters.ou !== undefined || filters.environment !== undefined;

/** The scope with a directory already at hand (an empty one serves SQL filters without OU or environment). */
export function scopeFrom(workspaceId: string, filters: IncidentFilters, now: Date, directory: Directory): Scope {
  const { from, to } = resolveRange(filters, now);
  const narrowed = filters.ou !== undefined || filters.environment !== undefined || filters.accountId !== undefined;
  let accountIds: string[] | null = null;
  if (narrowed) {
    const keep = accountFilter(directory, filters);
    accountIds = [...directory.accounts.keys()].filter(keep);
    if (filters.accountId && !filters.ou && !filters.environment) accountIds = [filters.accountId];
  }
  return {
    workspaceId,
    filters: {
      ...filters,
      from,
      to,
      bucket: filters.bucket ?? "month",
      failureWindowHours: filters.failureWindowHours ?? DEFAULT_FAILURE_WINDOW_HOURS,
    },
    from: new Date(`${from}T00:00:00Z`),
    to: new Date(`${to}T00:00:00Z`),
    accountIds,
    directory,
    isProduction: isProductionFor((accountId) => directory.accounts.get(accountId)?.environment),
  };
}

/**
 * The filter on a row's account, environment and service. `account`, `environment` and `service`
 * are SQL expressions of the row (code, never input). A row without an account passes an
 * environment-only filter on its own environment; a row's own environment wins over its account's.
 */
export function scopeWhere(scope: Scope, cols: { account: string; environment?: string; service?: string }): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  const account = Prisma.raw(cols.account);
  const { environment, ou, accountId, service } = scope.filters;
  if (scope.accountIds) {
    const envOnly = environment && !ou && !accountId && cols.environment;
    parts.push(
      envOnly
        ? Prisma.sql`(${account} = ANY(${scope.accountIds}::text[]) OR (${account} IS NULL AND ${Prisma.raw(cols.environment!)} = ${environment}))`
        : Prisma.sql`${account} = ANY(${scope.accountIds}::text[])`,
    );
  }
  if (environment && cols.environment) {
    parts.push(Prisma.sql`(${Prisma.raw(cols.environment)} IS NULL OR ${Prisma.raw(cols.environment)} = ${environment})`);
  }
  if (service && cols.service) parts.push(Prisma.sql`${Prisma.raw(cols.service)} = ${service}`);
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

export { ouPathOf };
