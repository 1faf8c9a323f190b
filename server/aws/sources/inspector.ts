import { type Finding, type FilterCriteria, paginateListFindings } from "@aws-sdk/client-inspector2";
import { checkAborted, clientFor, type FetchContext } from "./types";

/** Natural key: findingArn. */
export interface InspectorFindingRecord {
  findingArn: string;
  awsAccountId: string;
  region: string;
  type: string;
  title: string;
  severity: string;
  status: string;
  firstObservedAt: Date | null;
  lastObservedAt: Date | null;
  updatedAt: Date | null;
  resourceType: string | null;
  resourceId: string | null;
  vulnerabilityId: string | null;
  packageName: string | null;
  /** YES, NO or PARTIAL, as Inspector says it. */
  fixAvailable: string | null;
  exploitAvailable: string | null;
  inspectorScore: number | null;
}

export interface InspectorQuery {
  /** Incremental sync: only findings updated at or after this instant. */
  since?: Date;
  /** From the delegated administrator, restrict to these member accounts. */
  accountIds?: string[];
  /** Findings per request; 100 is the API's maximum. */
  pageSize?: number;
}

export function inspectorFindingRecord(f: Finding, region: string): InspectorFindingRecord {
  const resource = f.resources?.[0];
  const vulnerability = f.packageVulnerabilityDetails;
  return {
    findingArn: f.findingArn ?? "",
    awsAccountId: f.awsAccountId ?? "",
    region: resource?.region ?? region,
    type: f.type ?? "",
    title: f.title ?? "",
    severity: f.severity ?? "UNTRIAGED",
    status: f.status ?? "",
    firstObservedAt: f.firstObservedAt ?? null,
    lastObservedAt: f.lastObservedAt ?? null,
    updatedAt: f.updatedAt ?? null,
    resourceType: resource?.type ?? null,
    resourceId: resource?.id ?? null,
    vulnerabilityId: vulnerability?.vulnerabilityId ?? null,
    packageName: vulnerability?.vulnerablePackages?.[0]?.name ?? null,
    fixAvailable: f.fixAvailable ?? null,
    exploitAvailable: f.exploitAvailable ?? null,
    inspectorScore: f.inspectorScore ?? null,
  };
}

/**
 * Inspector findings, one array per page. Called from the Inspector delegated administrator it
 * covers every member account (and ECR enhanced scans) in one listing.
 */
export async function* inspectorFindings(
  ctx: FetchContext,
  query: InspectorQuery = {},
): AsyncGenerator<InspectorFindingRecord[]> {
  const criteria: FilterCriteria = {};
  if (query.since) criteria.updatedAt = [{ startInclusive: query.since }];
  if (query.accountIds?.length) criteria.awsAccountId = query.accountIds.map((value) => ({ comparison: "EQUALS", value }));
  const client = clientFor(ctx, "inspector2");
  const region = ctx.region ?? String(await client.config.region());
  try {
    for await (const page of paginateListFindings(
      { client, pageSize: query.pageSize ?? 100 },
      { filterCriteria: Object.keys(criteria).length > 0 ? criteria : undefined },
    )) {
      checkAborted(ctx);
      yield (page.findings ?? []).map((f) => inspectorFindingRecord(f, region));
    }
  } finally {
    client.destroy();
  }
}
