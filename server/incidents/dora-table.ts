import { dora, type Events } from "./computations";
import { loadDeployments } from "./load/deployments";
import { loadIncidents } from "./load/incidents";
import type { Scope } from "./scope";
import type { DoraTable } from "./types";

// The four keys of a scope: they need every deployment and incident of the range (a deployment
// fails by an incident after it), so both are read as events.

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

export async function doraTableFor(scope: Scope, now: Date): Promise<DoraTable> {
  const [{ incidents }, deployments] = await Promise.all([
    loadIncidents(scope, scope.from, failureHorizon(scope), true),
    loadDeployments(scope),
  ]);
  return doraOf(scope, { incidents: incidents.map((i) => i.event), deployments }, now);
}
