import type { Random } from "./random";
import type { OrgAccount, OrgUnit } from "./organization";

export interface PolicyTarget {
  targetId: string;
  type: "ROOT" | "ORGANIZATIONAL_UNIT" | "ACCOUNT";
}

export interface ScpPolicy {
  id: string;
  arn: string;
  name: string;
  description: string;
  awsManaged: boolean;
  content: string;
  targets: PolicyTarget[];
}

const document = (statements: unknown[]): string => JSON.stringify({ Version: "2012-10-17", Statement: statements }, null, 2);

// Global services are exempt the way AWS's own region-deny example exempts them; there is
// deliberately no ArnNotLike exemption for a break-glass role (the seed's SCP gotcha).
const GLOBAL_SERVICES = [
  "cloudfront:*",
  "iam:*",
  "organizations:*",
  "route53:*",
  "route53domains:*",
  "sts:*",
  "support:*",
  "budgets:*",
  "ce:*",
  "cur:*",
  "health:*",
  "waf:*",
  "globalaccelerator:*",
  "account:*",
];

export function buildPolicies(input: {
  random: Random;
  orgId: string;
  managementId: string;
  rootId: string;
  prod: OrgUnit;
  accounts: OrgAccount[];
}): ScpPolicy[] {
  const { random, orgId, managementId, rootId, prod, accounts } = input;
  const customer = (name: string, description: string, content: string, targets: PolicyTarget[]): ScpPolicy => {
    const id = `p-${random.alnum(8, "abcdefghijklmnopqrstuvwxyz0123456789")}`;
    return {
      id,
      arn: `arn:aws:organizations::${managementId}:policy/${orgId}/service_control_policy/${id}`,
      name,
      description,
      awsManaged: false,
      content,
      targets,
    };
  };
  const everyTarget: PolicyTarget[] = [{ targetId: rootId, type: "ROOT" }];
  const unitIds = new Set(accounts.map((a) => a.parentId).filter((id) => id !== rootId));
  for (const id of [...unitIds, prod.id].filter((id, i, all) => all.indexOf(id) === i)) {
    everyTarget.push({ targetId: id, type: "ORGANIZATIONAL_UNIT" });
  }
  for (const account of accounts) everyTarget.push({ targetId: account.id, type: "ACCOUNT" });

  return [
    {
      id: "p-FullAWSAccess",
      arn: "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess",
      name: "FullAWSAccess",
      description: "Allows access to every operation",
      awsManaged: true,
      content: document([{ Effect: "Allow", Action: "*", Resource: "*" }]),
      targets: everyTarget,
    },
    customer(
      "DenyLeaveOrganization",
      "Member accounts cannot leave the organization",
      document([{ Sid: "DenyLeave", Effect: "Deny", Action: ["organizations:LeaveOrganization"], Resource: "*" }]),
      [{ targetId: rootId, type: "ROOT" }],
    ),
    customer(
      "ProtectCloudTrail",
      "Nobody can stop or delete the organization trail",
      document([
        {
          Sid: "DenyTrailTampering",
          Effect: "Deny",
          Action: ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail"],
          Resource: "*",
        },
      ]),
      [{ targetId: rootId, type: "ROOT" }],
    ),
    customer(
      "ProdRegionRestriction",
      "Prod workloads run only in us-east-1 and eu-west-1",
      document([
        {
          Sid: "DenyOutsideApprovedRegions",
          Effect: "Deny",
          NotAction: GLOBAL_SERVICES,
          Resource: "*",
          Condition: { StringNotEquals: { "aws:RequestedRegion": ["us-east-1", "eu-west-1"] } },
        },
      ]),
      [{ targetId: prod.id, type: "ORGANIZATIONAL_UNIT" }],
    ),
    customer(
      "ProdDenyLongTermCredentials",
      "No IAM users or access keys in prod",
      document([
        {
          Sid: "DenyIamUserCredentials",
          Effect: "Deny",
          Action: ["iam:CreateUser", "iam:CreateAccessKey", "iam:CreateLoginProfile"],
          Resource: "*",
        },
      ]),
      [{ targetId: prod.id, type: "ORGANIZATIONAL_UNIT" }],
    ),
  ];
}
