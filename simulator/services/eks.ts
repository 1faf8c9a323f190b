import { SERVICES } from "../catalog";
import { type Cluster, clusters } from "../data/clusters";
import { SimError } from "../errors";
import { restJsonProtocol, type RestRoute } from "../protocols/rest-json";
import { paginate } from "./pagination";
import type { CallContext, OperationHandler, ServiceImpl } from "./types";

const routes: RestRoute[] = [
  { method: "GET", path: "/clusters", action: "ListClusters" },
  { method: "GET", path: "/clusters/{name}", action: "DescribeCluster" },
  { method: "GET", path: "/clusters/{clusterName}/addons", action: "ListAddons" },
  { method: "GET", path: "/clusters/{clusterName}/addons/{addonName}", action: "DescribeAddon" },
];

const invalidToken = () => new SimError("InvalidParameterException", "The nextToken is invalid.", 400);

function findCluster(context: CallContext, name: string): Cluster {
  const cluster = clusters(context.state.data, context.principal.accountId).find((c) => c.name === name);
  if (!cluster)
    throw new SimError("ResourceNotFoundException", `No cluster found for name: ${name}.`, 404, { clusterName: name });
  return cluster;
}

const operations: Record<string, OperationHandler> = {
  ListClusters: (input, context) => {
    const names = clusters(context.state.data, context.principal.accountId).map((c) => c.name);
    const page = paginate(names, {
      token: input.string("nextToken"),
      requested: input.number("maxResults"),
      defaultPageSize: 100,
      maxPageSize: 100,
      scope: "clusters",
      invalidToken,
    });
    return { clusters: page.items, nextToken: page.nextToken };
  },
  DescribeCluster: (input, context) => {
    const c = findCluster(context, input.requiredString("name"));
    const accountId = context.principal.accountId;
    return {
      cluster: {
        name: c.name,
        arn: c.arn,
        createdAt: c.createdAt,
        version: c.version,
        endpoint: `https://${c.name
          .replace(/[^a-z0-9]/g, "")
          .toUpperCase()
          .slice(0, 16)}.gr7.us-east-1.eks.amazonaws.com`,
        roleArn: `arn:aws:iam::${accountId}:role/${c.name}-cluster-role`,
        resourcesVpcConfig: {
          subnetIds: [],
          securityGroupIds: [],
          endpointPublicAccess: false,
          endpointPrivateAccess: true,
          publicAccessCidrs: [],
        },
        kubernetesNetworkConfig: { serviceIpv4Cidr: "172.20.0.0/16", ipFamily: "ipv4" },
        logging: { clusterLogging: [{ types: ["api", "audit", "authenticator"], enabled: true }] },
        status: "ACTIVE",
        platformVersion: "eks.12",
        accessConfig: { authenticationMode: "API" },
        tags: c.tags,
      },
    };
  },
  ListAddons: (input, context) => {
    const c = findCluster(context, input.requiredString("clusterName"));
    const page = paginate(
      c.addons.map((a) => a.name),
      {
        token: input.string("nextToken"),
        requested: input.number("maxResults"),
        defaultPageSize: 100,
        maxPageSize: 100,
        scope: `addons:${c.name}`,
        invalidToken,
      },
    );
    return { addons: page.items, nextToken: page.nextToken };
  },
  DescribeAddon: (input, context) => {
    const c = findCluster(context, input.requiredString("clusterName"));
    const name = input.requiredString("addonName");
    const addon = c.addons.find((a) => a.name === name);
    if (!addon)
      throw new SimError("ResourceNotFoundException", `No addon: ${name} found in cluster: ${c.name}`, 404, {
        clusterName: c.name,
        addonName: name,
      });
    return {
      addon: {
        addonName: addon.name,
        clusterName: c.name,
        status: "ACTIVE",
        addonVersion: addon.version,
        health: { issues: [] },
        addonArn: `${c.arn.replace(":cluster/", ":addon/")}/${addon.name}/${addon.version.replace(/\W/g, "")}`,
        createdAt: c.createdAt,
        modifiedAt: c.createdAt,
        tags: {},
      },
    };
  },
};

export const eksService: ServiceImpl = { info: SERVICES.eks, protocol: restJsonProtocol(routes), routes, operations };
