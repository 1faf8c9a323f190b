import { DescribeAddonCommand, DescribeClusterCommand, paginateListAddons, paginateListClusters } from "@aws-sdk/client-eks";
import { DEFAULT_CONCURRENCY, mapLimit } from "./concurrency";
import { type AccountScope, checkAborted, type FetchContext, scopeOf, withClient } from "./types";

/** Natural key: arn. */
export interface EksClusterRecord extends AccountScope {
  name: string;
  arn: string;
  version: string | null;
  status: string | null;
  createdAt: Date | null;
  platformVersion: string | null;
  endpointPublicAccess: boolean | null;
  /** Control-plane log types turned on ("api", "audit", …). */
  loggingEnabledTypes: string[];
  tags: Record<string, string>;
}

/** Natural key: (accountId, region, clusterName, addonName). */
export interface EksAddonRecord extends AccountScope {
  clusterName: string;
  addonName: string;
  addonVersion: string | null;
  status: string | null;
}

export function fetchEksClusters(
  ctx: FetchContext,
  { concurrency = DEFAULT_CONCURRENCY }: { concurrency?: number } = {},
): Promise<{ clusters: EksClusterRecord[]; addons: EksAddonRecord[] }> {
  return withClient(ctx, "eks", async (client) => {
    const scope = scopeOf(ctx);
    const names: string[] = [];
    for await (const page of paginateListClusters({ client }, {})) {
      checkAborted(ctx);
      names.push(...(page.clusters ?? []));
    }
    const perCluster = await mapLimit(
      names,
      concurrency,
      async (name) => {
        const { cluster: c } = await client.send(new DescribeClusterCommand({ name }));
        const cluster: EksClusterRecord = {
          ...scope,
          name,
          arn: c?.arn ?? "",
          version: c?.version ?? null,
          status: c?.status ?? null,
          createdAt: c?.createdAt ?? null,
          platformVersion: c?.platformVersion ?? null,
          endpointPublicAccess: c?.resourcesVpcConfig?.endpointPublicAccess ?? null,
          loggingEnabledTypes: (c?.logging?.clusterLogging ?? []).filter((l) => l.enabled).flatMap((l) => l.types ?? []),
          tags: c?.tags ?? {},
        };
        const addonNames: string[] = [];
        for await (const page of paginateListAddons({ client }, { clusterName: name })) addonNames.push(...(page.addons ?? []));
        const addons = await mapLimit(addonNames, concurrency, async (addonName): Promise<EksAddonRecord> => {
          const { addon } = await client.send(new DescribeAddonCommand({ clusterName: name, addonName }));
          return {
            ...scope,
            clusterName: name,
            addonName,
            addonVersion: addon?.addonVersion ?? null,
            status: addon?.status ?? null,
          };
        });
        return { cluster, addons };
      },
      ctx.signal,
    );
    return { clusters: perCluster.map((c) => c.cluster), addons: perCluster.flatMap((c) => c.addons) };
  });
}
