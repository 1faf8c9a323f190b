import type { AccountEvidence, Environment } from "./evidence";
import { scopeCovers } from "./people";
import type { ResolvedScope } from "./results";

export interface ScopeFilter {
  /** Every account whatever its environment (a stored evaluation covers all); OUs and accounts still narrow it. */
  all?: boolean;
  environments?: Environment[];
  ouPaths?: string[];
  accountIds?: string[];
}

/**
 * With no filter at all the ladder is about production, as DESIGN.md asks; any filter given
 * replaces that default, and filters given together narrow each other.
 */
export function resolveScope(filter: ScopeFilter | undefined): ResolvedScope {
  if (filter?.all) {
    return {
      environments: null,
      ouPaths: filter.ouPaths?.length ? filter.ouPaths : null,
      accountIds: filter.accountIds?.length ? filter.accountIds : null,
    };
  }
  const given = filter && (filter.environments?.length || filter.ouPaths?.length || filter.accountIds?.length);
  if (!given) return { environments: ["prod"], ouPaths: null, accountIds: null };
  return {
    environments: filter.environments?.length ? filter.environments : null,
    ouPaths: filter.ouPaths?.length ? filter.ouPaths : null,
    accountIds: filter.accountIds?.length ? filter.accountIds : null,
  };
}

export function isInScope(account: Pick<AccountEvidence, "accountId" | "environment" | "ouPath">, scope: ResolvedScope): boolean {
  if (scope.environments && (!account.environment || !scope.environments.includes(account.environment))) return false;
  if (scope.accountIds && !scope.accountIds.includes(account.accountId)) return false;
  if (scope.ouPaths && !scope.ouPaths.some((ouPath) => scopeCovers({ kind: "ou", ouPath }, account))) return false;
  return true;
}
