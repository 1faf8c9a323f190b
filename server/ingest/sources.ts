import type { AwsService } from "~/server/aws/clients";
import type { FetchContext } from "~/server/aws/sources/types";

// The seven kinds of data a sync pulls. Organisation-wide ones run once, from the management
// (payer) account; the others run in every connected account.
export const sourceNames = ["organization", "cost", "scans", "chaos", "incidents", "delivery", "tracing"] as const;
export type SourceName = (typeof sourceNames)[number];

export const sourceTitles: Record<SourceName, string> = {
  organization: "Organization and CloudTrail",
  cost: "Cost and commitments",
  scans: "ECR and Inspector scans",
  chaos: "FIS experiments",
  incidents: "CloudWatch alarms and Incident Manager incidents",
  delivery: "CodeDeploy deployments",
  tracing: "X-Ray sampling and EKS clusters",
};

export interface SourceAccount {
  ref: string;
  accountId: string;
  kind: "account" | "organization";
  organizationRefId: string | null;
  workspaceId: string;
}

export interface SourceContext {
  runId: string;
  account: SourceAccount;
  fetch: FetchContext;
  // When this source last succeeded for this account, for incremental windows.
  lastSucceededAt: Date | null;
  now: Date;
}

export interface SourceResult {
  inserted: number;
  updated: number;
  deleted: number;
  // IAM actions refused for an optional part of the source: the rest succeeded (permission gaps).
  deniedActions?: string[];
}

export interface SourceRunner {
  name: SourceName;
  // The service whose limits bound how many of these run at once.
  service: AwsService;
  organizationWide: boolean;
  run(ctx: SourceContext): Promise<SourceResult>;
}

export function addCounts(total: SourceResult, part: { inserted: number; updated: number; deleted?: number }): SourceResult {
  total.inserted += part.inserted;
  total.updated += part.updated;
  total.deleted += part.deleted ?? 0;
  return total;
}

export const emptyResult = (): SourceResult => ({ inserted: 0, updated: 0, deleted: 0 });
