import type { Capability, Environment } from "./types";

export const environments: Environment[] = ["prod", "staging", "dev", "sandbox"];

// Short names for the table's capability badges; the full titles come from accounts.capabilities.
export const capabilityShortLabels: Record<Capability, string> = {
  organization: "Org",
  cost: "Cost",
  prices: "Prices",
  scans: "Scans",
  chaos: "Chaos",
  incidents: "Alarms",
  deployments: "Deploys",
  tracing: "Tracing",
  clusters: "EKS",
};

export const kindTitles = {
  account: "One AWS account",
  organization: "An AWS Organization (management account)",
} as const;

export function accountsPath(workspace: string, query?: Record<string, string>): string {
  const search = query ? `?${new URLSearchParams(query).toString()}` : "";
  return `/w/${workspace}/accounts${search}`;
}

export const viewerNote = "Only editors, admins and owners can connect AWS accounts.";
