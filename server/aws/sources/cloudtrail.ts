import { DescribeTrailsCommand, GetTrailStatusCommand } from "@aws-sdk/client-cloudtrail";
import { DEFAULT_CONCURRENCY, mapLimit } from "./concurrency";
import { clientFor, type FetchContext, regionOf } from "./types";

/** Natural key: arn. */
export interface TrailRecord {
  accountId: string;
  arn: string;
  name: string;
  homeRegion: string;
  isOrganizationTrail: boolean;
  isMultiRegionTrail: boolean;
  logFileValidationEnabled: boolean;
  s3BucketName: string | null;
  isLogging: boolean;
  latestDeliveryTime: Date | null;
}

/**
 * Trails this account owns in the context's region. Shadow trails are left out: an
 * organisation trail is read once from the management account, not once per member and region.
 */
export async function fetchTrails(ctx: FetchContext): Promise<TrailRecord[]> {
  const region = regionOf(ctx);
  const client = clientFor(ctx, "cloudTrail", region);
  try {
    const { trailList = [] } = await client.send(new DescribeTrailsCommand({ includeShadowTrails: false }));
    return await mapLimit(
      trailList,
      DEFAULT_CONCURRENCY,
      async (trail) => {
        // GetTrailStatus is a required part of the record: a denied call throws so the gap shows.
        const status = await client.send(new GetTrailStatusCommand({ Name: trail.TrailARN ?? trail.Name }));
        return {
          accountId: ctx.accountId,
          arn: trail.TrailARN ?? "",
          name: trail.Name ?? "",
          homeRegion: trail.HomeRegion ?? region,
          isOrganizationTrail: trail.IsOrganizationTrail ?? false,
          isMultiRegionTrail: trail.IsMultiRegionTrail ?? false,
          logFileValidationEnabled: trail.LogFileValidationEnabled ?? false,
          s3BucketName: trail.S3BucketName ?? null,
          isLogging: status.IsLogging ?? false,
          latestDeliveryTime: status.LatestDeliveryTime ?? null,
        };
      },
      ctx.signal,
    );
  } finally {
    client.destroy();
  }
}
