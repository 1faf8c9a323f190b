import type { EksAddonEvidence, MaturityEvidence, SamplingRuleEvidence } from "../evidence";
import { stringRecord } from "./json";
import { accountRows, type AccountBatch, type Limit } from "./sql";

export async function loadTracing(
  workspaceId: string,
  limit: Limit,
  only?: AccountBatch,
): Promise<Pick<MaturityEvidence, "samplingRules" | "eksClusters" | "eksAddons">> {
  const [samplingRules, clusters, eksAddons] = await Promise.all([
    limit(() =>
      accountRows<Omit<SamplingRuleEvidence, "id" | "accountId" | "observedAt">>(
        { workspaceId, only },
        "XraySamplingRule",
        `r.region, r."ruleName", r.priority, r."fixedRate"::float8 AS "fixedRate", r."reservoirSize", r."serviceName"`,
      ),
    ),
    limit(() =>
      accountRows<{ region: string; name: string; tags: unknown }>(
        { workspaceId, only },
        "EksCluster",
        `r.region, r.name, r.tags`,
      ),
    ),
    limit(() =>
      accountRows<Omit<EksAddonEvidence, "id" | "accountId" | "observedAt">>(
        { workspaceId, only },
        "EksAddon",
        `r.region, r."clusterName", r."addonName", r.status`,
      ),
    ),
  ]);
  return { samplingRules, eksClusters: clusters.map((c) => ({ ...c, tags: stringRecord(c.tags) })), eksAddons };
}
