import type { Events } from "./computations";
import type { Annotation, ChangeSuggestion } from "./types";

// What the trend draws on its time axis: failed and rolled-back deployments and canary arrivals
// (a successful deployment is the norm, not an event), every chaos experiment and every maturity
// change, newest first, at most MAX_ANNOTATIONS; the overview says how many were left out.

export const MAX_ANNOTATIONS = 300;

export interface AnnotationLinks {
  /** The Ladder path of the workspace, e.g. "/w/acme". */
  base: string;
}

const fisLink = (experimentId: string) =>
  `https://console.aws.amazon.com/fis/home#ExperimentDetails:ExperimentId=${encodeURIComponent(experimentId)}`;

export function annotationsOf(
  events: Events & { loadedDeployments: { id: string; url: string | null }[] },
  canaries: ChangeSuggestion[],
  links: AnnotationLinks,
  /** Failed deployments not among `events.deployments` (only the newest were read), for the count. */
  deploymentsNotRead = 0,
): { annotations: Annotation[]; leftOut: number } {
  const urls = new Map(events.loadedDeployments.map((d) => [d.id, d.url]));
  const all: Annotation[] = [];
  for (const d of events.deployments) {
    if (d.status === "succeeded") continue;
    all.push({
      kind: "deployment",
      id: d.id,
      at: d.finishedAt.toISOString(),
      title: `${d.status === "rolled_back" ? "Rolled back" : "Failed"} deployment of ${d.service}`,
      detail: `${d.group}${d.deploymentConfig ? ` (${d.deploymentConfig})` : ""}`,
      href: urls.get(d.id) ?? `${links.base}/incidents?service=${encodeURIComponent(d.service)}`,
      accountId: d.accountId,
      service: d.service,
      status: d.status,
    });
  }
  for (const c of canaries.filter((s) => s.kind === "canary")) {
    all.push({
      kind: "deployment",
      id: c.id,
      at: c.at,
      title: c.title,
      detail: c.reason,
      href: `${links.base}/incidents?change=${encodeURIComponent(c.id)}`,
      accountId: c.accountId,
      service: c.service,
      status: "canary",
    });
  }
  for (const x of events.experiments) {
    if (!x.startedAt) continue;
    all.push({
      kind: "experiment",
      id: x.id,
      at: x.startedAt.toISOString(),
      title: `Chaos experiment ${x.experimentId}`,
      detail: `Template ${x.templateId}, ${x.status}`,
      href: fisLink(x.experimentId),
      accountId: x.accountId,
      service: x.service,
      status: x.status,
    });
  }
  for (const m of events.maturity) {
    all.push({
      kind: "maturity",
      id: m.id,
      at: m.at.toISOString(),
      title: `${m.practiceName}: level ${m.from} → ${m.to}`,
      detail: `Account ${m.accountId}`,
      href: `${links.base}/maturity/accounts/${m.accountId}`,
      accountId: m.accountId,
      service: null,
      status: m.to > m.from ? "up" : "down",
    });
  }
  all.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? -1 : 1));
  return { annotations: all.slice(0, MAX_ANNOTATIONS), leftOut: Math.max(0, all.length - MAX_ANNOTATIONS) + deploymentsNotRead };
}
