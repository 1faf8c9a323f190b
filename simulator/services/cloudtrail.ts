import { SERVICES } from "../catalog";
import type { Trail } from "../data/trails";
import { trailsVisibleTo } from "../data/trails";
import { SimError } from "../errors";
import { awsJsonProtocol } from "../protocols/aws-json";
import type { OperationHandler, ServiceImpl } from "./types";

function trailShape(trail: Trail) {
  return {
    Name: trail.name,
    S3BucketName: trail.s3BucketName,
    S3KeyPrefix: trail.s3KeyPrefix,
    IncludeGlobalServiceEvents: trail.isMultiRegion,
    IsMultiRegionTrail: trail.isMultiRegion,
    HomeRegion: trail.homeRegion,
    TrailARN: trail.arn,
    LogFileValidationEnabled: trail.logFileValidation,
    CloudWatchLogsLogGroupArn: trail.cloudWatchLogsLogGroupArn,
    KmsKeyId: trail.kmsKeyId,
    HasCustomEventSelectors: false,
    HasInsightSelectors: false,
    IsOrganizationTrail: trail.isOrganization,
  };
}

function isShadow(trail: Trail, accountId: string, region: string): boolean {
  return trail.ownerAccountId !== accountId || trail.homeRegion !== region;
}

const operations: Record<string, OperationHandler> = {
  DescribeTrails: (input, context) => {
    const names = input.strings("trailNameList");
    const includeShadows = input.boolean("includeShadowTrails") ?? true;
    const trails = trailsVisibleTo(context.state.data, context.principal.accountId)
      .filter((t) => includeShadows || !isShadow(t, context.principal.accountId, context.region))
      .filter((t) => names.length === 0 || names.includes(t.name) || names.includes(t.arn));
    return { trailList: trails.map(trailShape) };
  },
  ListTrails: (_input, context) => ({
    Trails: trailsVisibleTo(context.state.data, context.principal.accountId).map((t) => ({
      TrailARN: t.arn,
      Name: t.name,
      HomeRegion: t.homeRegion,
    })),
  }),
  GetTrailStatus: (input, context) => {
    const name = input.requiredString("Name");
    const trail = trailsVisibleTo(context.state.data, context.principal.accountId).find((t) => t.name === name || t.arn === name);
    if (!trail)
      throw new SimError("TrailNotFoundException", `Unknown trail: ${name} for the user: ${context.principal.accountId}`, 400);
    const today = context.state.now().getTime();
    const lastDelivery = new Date(today - 4 * 60_000);
    return {
      IsLogging: true,
      LatestDeliveryTime: lastDelivery,
      LatestDigestDeliveryTime: trail.logFileValidation ? new Date(today - 45 * 60_000) : undefined,
      StartLoggingTime: trail.startedAt,
      TimeLoggingStarted: trail.startedAt.toISOString(),
      LatestDeliveryAttemptTime: lastDelivery.toISOString(),
      LatestDeliveryAttemptSucceeded: lastDelivery.toISOString(),
    };
  },
};

export const cloudTrailService: ServiceImpl = {
  info: SERVICES.cloudtrail,
  protocol: awsJsonProtocol("1.1"),
  operations,
};
