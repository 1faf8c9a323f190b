import { matchRoute } from "../protocols/rest-json";
import type { RawRequest } from "../protocols/types";
import type { ParsedAuthorization } from "../sigv4";
import { cloudTrailService } from "./cloudtrail";
import { cloudWatchService } from "./cloudwatch";
import { codeDeployService } from "./codedeploy";
import { costExplorerService } from "./cost-explorer";
import { eksService } from "./eks";
import { ecrService } from "./ecr";
import { fisService } from "./fis";
import { inspector2Service } from "./inspector2";
import { organizationsService } from "./organizations";
import { pricingService } from "./pricing";
import { ssmIncidentsService } from "./ssm-incidents";
import { stsService } from "./sts";
import { xrayService } from "./xray";
import type { ServiceImpl } from "./types";

export const SERVICE_IMPLS: readonly ServiceImpl[] = [
  stsService,
  organizationsService,
  cloudTrailService,
  costExplorerService,
  pricingService,
  ecrService,
  inspector2Service,
  fisService,
  cloudWatchService,
  codeDeployService,
  xrayService,
  eksService,
  ssmIncidentsService,
];

/**
 * One endpoint serves every service: the SigV4 credential scope names the service; unsigned
 * requests are recognised by their protocol so they can still be refused in the right dialect.
 */
export function routeService(request: RawRequest, auth: ParsedAuthorization | undefined): ServiceImpl | undefined {
  if (auth) return SERVICE_IMPLS.find((s) => s.info.signingName === auth.service);
  const target = request.headers["x-amz-target"];
  if (typeof target === "string") {
    const prefix = target.slice(0, target.lastIndexOf("."));
    return SERVICE_IMPLS.find((s) => s.info.targetPrefix !== undefined && prefix.endsWith(s.info.targetPrefix));
  }
  const contentType = request.headers["content-type"] ?? "";
  if (contentType.startsWith("application/x-www-form-urlencoded") || request.query.has("Action")) {
    return SERVICE_IMPLS.find((s) => s.info.protocol === "aws-query");
  }
  return SERVICE_IMPLS.find((s) => s.routes !== undefined && matchRoute(s.routes, request.method, request.path) !== undefined);
}
