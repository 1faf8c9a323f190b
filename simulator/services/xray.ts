import { SERVICES } from "../catalog";
import { samplingRules } from "../data/clusters";
import { SimError } from "../errors";
import { restJsonProtocol, type RestRoute } from "../protocols/rest-json";
import { paginate } from "./pagination";
import type { OperationHandler, ServiceImpl } from "./types";

const routes: RestRoute[] = [{ method: "POST", path: "/GetSamplingRules", action: "GetSamplingRules" }];

const operations: Record<string, OperationHandler> = {
  GetSamplingRules: (input, context) => {
    const accountId = context.principal.accountId;
    const created = new Date(context.state.data.today.getTime() - 200 * 86_400_000);
    const rules = samplingRules(context.state.data, accountId);
    const page = paginate(rules, {
      token: input.string("NextToken"),
      requested: undefined,
      defaultPageSize: 100,
      maxPageSize: 100,
      scope: "sampling-rules",
      invalidToken: () => new SimError("InvalidRequestException", "Invalid NextToken", 400),
    });
    return {
      SamplingRuleRecords: page.items.map((r) => ({
        SamplingRule: {
          RuleName: r.name,
          RuleARN: `arn:aws:xray:us-east-1:${accountId}:sampling-rule/${r.name}`,
          ResourceARN: "*",
          Priority: r.priority,
          FixedRate: r.fixedRate,
          ReservoirSize: r.reservoir,
          ServiceName: r.serviceName,
          ServiceType: "*",
          Host: "*",
          HTTPMethod: "*",
          URLPath: "*",
          Version: 1,
          Attributes: {},
        },
        CreatedAt: created,
        ModifiedAt: created,
      })),
      NextToken: page.nextToken,
    };
  },
};

export const xrayService: ServiceImpl = { info: SERVICES.xray, protocol: restJsonProtocol(routes), routes, operations };
