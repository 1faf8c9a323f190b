import type { DemoData } from "./demo-data";

export interface Trail {
  name: string;
  arn: string;
  ownerAccountId: string;
  homeRegion: string;
  s3BucketName: string;
  s3KeyPrefix?: string;
  isMultiRegion: boolean;
  isOrganization: boolean;
  logFileValidation: boolean;
  kmsKeyId?: string;
  cloudWatchLogsLogGroupArn?: string;
  startedAt: Date;
}

/** The organisation trail every member sees, plus the invited account's own leftover trail. */
export function trailsVisibleTo(data: DemoData, accountId: string): Trail[] {
  const org = data.organization;
  const account = data.account(accountId);
  if (!account) return [];
  const management = org.managementAccount.id;
  const logArchive = org.accounts[1]?.id ?? management;
  const trails: Trail[] = [
    {
      name: "organization-trail",
      arn: `arn:aws:cloudtrail:us-east-1:${management}:trail/organization-trail`,
      ownerAccountId: management,
      homeRegion: "us-east-1",
      s3BucketName: `aws-cloudtrail-logs-${logArchive}-org`,
      s3KeyPrefix: org.id,
      isMultiRegion: true,
      isOrganization: true,
      logFileValidation: true,
      kmsKeyId: `arn:aws:kms:us-east-1:${logArchive}:key/${data.organization.id.slice(2)}-trail-key`,
      cloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${management}:log-group:aws-cloudtrail-organization:*`,
      startedAt: org.accounts[1]?.joinedAt ?? org.managementAccount.joinedAt,
    },
  ];
  if (account.joinedMethod === "INVITED") {
    trails.push({
      name: "marketing-trail",
      arn: `arn:aws:cloudtrail:eu-west-1:${accountId}:trail/marketing-trail`,
      ownerAccountId: accountId,
      homeRegion: "eu-west-1",
      s3BucketName: `marketing-trail-logs-${accountId}`,
      isMultiRegion: false,
      isOrganization: false,
      logFileValidation: false,
      startedAt: account.joinedAt,
    });
  }
  return trails;
}
