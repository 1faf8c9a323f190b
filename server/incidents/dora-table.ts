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
      ouOf: (accountId) => scope.directory.accounts.get(accountId)?.ouPath ?? null,
    },
  );
}

export async function doraTableFor(scope: Scope, now: Date): Promise<DoraTable> {
  const [{ incidents }, deployments] = await Promise.all([loadIncidents(scope), loadDeployments(scope)]);
  return doraOf(scope, { incidents: incidents.map((i) => i.event), deployments }, now);
}
