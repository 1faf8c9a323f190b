import { doraTableOf } from "./compute/dora";
import { dora, type Events } from "./computations";
import { loadDeployments } from "./load/deployments";
import { loadIncidents } from "./load/incidents";
import type { Scope } from "./scope";
import { doraCounts } from "./sql/dora";
import type { DoraTable } from "./types";

// The four keys of a scope. A deployment fails by an incident after it, so they need every
// deployment and incident of the range: SQL does the attribution and the aggregates, the pure
// functions (compute/dora.ts) make the figures and bands from the counts.

export function doraOf(scope: Scope, events: Pick<Events, "incidents" | "deployments">, now: Date): DoraTable {
  return dora(
    { ...events, experiments: [], maturity: [] },
    {
      from: scope.from,
      to: scope.to,
      failureWindowHours: scope.filters.failureWindowHours,
      asOf: now < scope.to ? now : scope.to,
      isProduction: scope.isProduction,
      accountName: (accountId) => scope.directory.accounts.get(accountId)?.name ?? null,
      ouOf: (accountId) => scope.directory.accounts.get(accountId)?.ouPath ?? null,
    },
  );
}

/** After the range, incidents can still mark its last deployments failed: up to the failure window more. */
export const failureHorizon = (scope: Scope): Date => new Date(scope.to.getTime() + scope.filters.failureWindowHours * 3_600_000);

/** The four keys of a scope, aggregated in SQL (server/incidents/sql/dora.ts). */
export async function doraTableFor(scope: Scope, now: Date): Promise<DoraTable> {
  return doraTableOf(await doraCounts(scope, failureHorizon(scope), now < scope.to ? now : scope.to), {
    from: scope.from,
    to: scope.to,
    failureWindowHours: scope.filters.failureWindowHours,
    asOf: now < scope.to ? now : scope.to,
    accountName: (accountId) => scope.directory.accounts.get(accountId)?.name ?? null,
  });
}

/** The reference: the same table from the events, row by row (server/incidents/compute/dora.ts). */
export async function doraTableByEvents(scope: Scope, now: Date): Promise<DoraTable> {
  const [{ incidents }, deployments] = await Promise.all([
    loadIncidents(scope, scope.from, failureHorizon(scope), true),
    loadDeployments(scope),
  ]);
  return doraOf(scope, { incidents: incidents.map((i) => i.event), deployments }, now);
}
