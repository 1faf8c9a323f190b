import type { DeploymentEvent, ExperimentEvent, IncidentEvent, MaturityEvent } from "~/server/incidents/types";

// Hand-built events for the golden tests of server/incidents/compute: production by default,
// on account 111111111111 and service "checkout" unless a test says otherwise.

export const at = (iso: string) => new Date(iso);

let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${++sequence}`;

export function incident(startedAt: string, resolvedAt: string | null, over: Partial<IncidentEvent> = {}): IncidentEvent {
  return {
    id: nextId("inc"),
    source: "cloudwatch",
    alsoFrom: [],
    accountId: "111111111111",
    service: "checkout",
    environment: "prod",
    severityKey: "high",
    startedAt: at(startedAt),
    resolvedAt: resolvedAt === null ? null : at(resolvedAt),
    ...over,
  };
}

export function deployment(finishedAt: string, over: Partial<DeploymentEvent> = {}): DeploymentEvent {
  return {
    id: nextId("dep"),
    source: "codedeploy",
    accountId: "111111111111",
    service: "checkout",
    environment: "prod",
    status: "succeeded",
    startedAt: null,
    finishedAt: at(finishedAt),
    committedAt: null,
    deploymentConfig: "CodeDeployDefault.AllAtOnce",
    group: "checkout/prod",
    ...over,
  };
}

export function experiment(startedAt: string | null, over: Partial<ExperimentEvent> = {}): ExperimentEvent {
  return {
    id: nextId("exp"),
    experimentId: nextId("EXP"),
    accountId: "111111111111",
    service: "checkout",
    templateId: "EXT1",
    status: "completed",
    startedAt: startedAt === null ? null : at(startedAt),
    endedAt: null,
    ...over,
  };
}

export function maturityChange(atIso: string, over: Partial<MaturityEvent> = {}): MaturityEvent {
  return {
    id: nextId("mc"),
    at: at(atIso),
    practiceId: "progressive-delivery",
    practiceName: "Progressive delivery",
    accountId: "111111111111",
    from: 1,
    to: 2,
    ...over,
  };
}

/** Production = environment "prod", or no environment on an account in `prodAccounts`. */
export function productionIn(prodAccounts: string[]) {
  const accounts = new Set(prodAccounts);
  return (e: { accountId: string | null; environment: string | null }) =>
    e.environment === null ? e.accountId !== null && accounts.has(e.accountId) : e.environment === "prod";
}
