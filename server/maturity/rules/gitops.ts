import { ids } from "../context";
import type { EksAddonEvidence, EksClusterEvidence } from "../evidence";
import { outcome } from "../results";
import { listed, type Rule, type RuleInput } from "./rule";

const CONTROLLERS = /argo|flux/i;

/** A cluster counts as GitOps-managed through a controller add-on or the gitops-controller tag. */
export function hasController(cluster: EksClusterEvidence, addons: readonly EksAddonEvidence[]): boolean {
  const tag = cluster.tags["gitops-controller"];
  if (tag && CONTROLLERS.test(tag)) return true;
  return addons.some((a) => a.clusterName === cluster.name && a.region === cluster.region && CONTROLLERS.test(a.addonName));
}

function clustersOf({ ctx, check, account }: RuleInput) {
  const clusters = ctx.fresh(ctx.rows("eksClusters", account.accountId), check);
  const addons = ctx.fresh(ctx.rows("eksAddons", account.accountId), check);
  return { clusters, managed: clusters.filter((c) => hasController(c, addons)) };
}

export const gitopsControllerPresent: Rule = (input) => {
  const { clusters, managed } = clustersOf(input);
  if (!clusters.length) return outcome.notApplicable("The account runs no EKS cluster.");
  return managed.length
    ? outcome.pass(`A GitOps controller runs on ${listed(managed.map((c) => c.name))}.`, ids(managed))
    : outcome.fail(`No GitOps controller on ${listed(clusters.map((c) => c.name))}.`, ids(clusters));
};

export const gitopsEveryCluster: Rule = (input) => {
  const { clusters, managed } = clustersOf(input);
  if (!clusters.length) return outcome.notApplicable("The account runs no EKS cluster.");
  const unmanaged = clusters.filter((c) => !managed.includes(c));
  return unmanaged.length
    ? outcome.fail(`Partial GitOps: ${listed(unmanaged.map((c) => c.name))} still without a controller.`, ids(unmanaged))
    : outcome.pass(`All ${clusters.length} cluster(s) reconcile from Git.`, ids(clusters));
};
