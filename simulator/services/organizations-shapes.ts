import type { OrgAccount, Organization, OrgUnit } from "../data/organization";
import type { ScpPolicy } from "../data/policies";

export function accountShape(account: OrgAccount) {
  return {
    Id: account.id,
    Arn: account.arn,
    Email: account.email,
    Name: account.name,
    Status: "ACTIVE",
    State: "ACTIVE",
    JoinedMethod: account.joinedMethod,
    JoinedTimestamp: account.joinedAt,
  };
}

export function unitShape(unit: OrgUnit) {
  return { Id: unit.id, Arn: unit.arn, Name: unit.name, Path: unit.path };
}

export function policySummary(policy: ScpPolicy) {
  return {
    Id: policy.id,
    Arn: policy.arn,
    Name: policy.name,
    Description: policy.description,
    Type: "SERVICE_CONTROL_POLICY",
    AwsManaged: policy.awsManaged,
  };
}

export function organizationShape(org: Organization) {
  return {
    Id: org.id,
    Arn: org.arn,
    FeatureSet: "ALL",
    MasterAccountArn: org.managementAccount.arn,
    MasterAccountId: org.managementAccount.id,
    MasterAccountEmail: org.managementAccount.email,
    AvailablePolicyTypes: [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }],
  };
}

export function rootShape(org: Organization) {
  return { Id: org.rootId, Arn: org.rootArn, Name: "Root", PolicyTypes: [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }] };
}

/** Name and ARN of a policy target, whatever kind of node it is. */
export function targetShape(org: Organization, targetId: string, type: string) {
  if (type === "ROOT") return { TargetId: targetId, Arn: org.rootArn, Name: "Root", Type: type };
  if (type === "ORGANIZATIONAL_UNIT") {
    const unit = org.units.find((u) => u.id === targetId);
    return { TargetId: targetId, Arn: unit?.arn ?? "", Name: unit?.name ?? "", Type: type };
  }
  const account = org.accountById.get(targetId);
  return { TargetId: targetId, Arn: account?.arn ?? "", Name: account?.name ?? "", Type: type };
}
