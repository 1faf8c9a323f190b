import { paginateGetSamplingRules } from "@aws-sdk/client-xray";
import { type AccountScope, checkAborted, type FetchContext, scopeOf, withClient } from "./types";

/** Natural key: ruleArn. fixedRate is a fraction: 1 samples every request. */
export interface SamplingRuleRecord extends AccountScope {
  ruleName: string;
  ruleArn: string;
  priority: number;
  fixedRate: number;
  reservoirSize: number;
  serviceName: string;
  serviceType: string;
  host: string;
  httpMethod: string;
  urlPath: string;
  resourceArn: string;
}

export function fetchSamplingRules(ctx: FetchContext): Promise<SamplingRuleRecord[]> {
  return withClient(ctx, "xray", async (client) => {
    const scope = scopeOf(ctx);
    const records: SamplingRuleRecord[] = [];
    for await (const page of paginateGetSamplingRules({ client }, {})) {
      checkAborted(ctx);
      for (const { SamplingRule: r } of page.SamplingRuleRecords ?? []) {
        if (!r) continue;
        records.push({
          ...scope,
          ruleName: r.RuleName ?? "",
          ruleArn: r.RuleARN ?? "",
          priority: r.Priority ?? 0,
          fixedRate: r.FixedRate ?? 0,
          reservoirSize: r.ReservoirSize ?? 0,
          serviceName: r.ServiceName ?? "*",
          serviceType: r.ServiceType ?? "*",
          host: r.Host ?? "*",
          httpMethod: r.HTTPMethod ?? "*",
          urlPath: r.URLPath ?? "*",
          resourceArn: r.ResourceARN ?? "*",
        });
      }
    }
    return records.sort((a, b) => a.priority - b.priority);
  });
}
