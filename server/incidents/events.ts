import type { Events } from "./computations";
import { loadDeployments, type LoadedDeployment } from "./load/deployments";
import { loadExperiments } from "./load/experiments";
import { loadIncidents, type LoadedIncident } from "./load/incidents";
import { loadMaturityChanges } from "./load/maturity";
import type { Scope } from "./scope";

// Every event of a window in the scope, as the computations take them.

export interface LoadedEvents extends Events {
  loadedIncidents: LoadedIncident[];
  loadedDeployments: LoadedDeployment[];
}

export async function loadEvents(scope: Scope, from = scope.from, to = scope.to): Promise<LoadedEvents> {
  const [incidents, deployments, experiments, maturity] = await Promise.all([
    loadIncidents(scope, from, to, true),
    loadDeployments(scope, { from, to }),
    loadExperiments(scope, { from, to }),
    loadMaturityChanges(scope, from, to),
  ]);
  return {
    incidents: incidents.incidents.map((i) => i.event),
    deployments,
    experiments,
    maturity,
    loadedIncidents: incidents.incidents,
    loadedDeployments: deployments,
  };
}

const SOURCE_LABELS: Record<string, string> = {
  cloudwatch: "CloudWatch alarms",
  "incident-manager": "Incident Manager",
  upload: "Incident upload",
  pagerduty: "PagerDuty upload",
  opsgenie: "Opsgenie upload",
  "incident-io": "incident.io upload",
  codedeploy: "CodeDeploy",
  ladder: "CI deployments upload",
  github: "GitHub deployments",
};

/** The sources that fed a view, in a fixed order. */
export function sourcesOf(events: Events): string[] {
  const seen = new Set<string>();
  for (const i of events.incidents) {
    seen.add(i.source);
    for (const also of i.alsoFrom) seen.add(also.source);
  }
  for (const d of events.deployments) seen.add(d.source);
  return sourcesFrom(seen, events.experiments.length > 0);
}

/** The labels of the incident and deployment sources seen, and FIS when experiments were. */
export function sourcesFrom(seen: ReadonlySet<string>, withExperiments: boolean): string[] {
  const all = new Set(seen);
  if (withExperiments) all.add("fis");
  const labels = { ...SOURCE_LABELS, fis: "FIS experiments" } as Record<string, string>;
  return [...Object.keys(labels), ...[...all].filter((s) => !(s in labels)).sort()]
    .filter((s) => all.has(s))
    .map((s) => labels[s] ?? s);
}
