import { readOnlyActions } from "~/server/aws/permissions";

export const policyName = "LadderReadOnly";
export const workspaceTagKey = "ladder:workspace";
export const maxSessionDuration = 3600;
export const roleDescription = "Read-only access for Ladder, the DevOps-maturity dashboard";

// Values are literals for Terraform and CloudFormation intrinsics (Ref, Fn::Sub) for the stack;
// building both documents here is what keeps the two templates functionally identical.
export interface TrustValues<V> {
  principalAccountRoot: V;
  principalArn: V;
  externalId: V;
}

// Trusting the account root alone would let any principal in Ladder's account assume the role;
// the aws:PrincipalArn condition narrows it to Ladder's own role, and the External ID stops
// another Ladder customer from pointing Ladder at this account (the confused deputy).
export function trustPolicy<V>(v: TrustValues<V>) {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "LadderAssumeRole",
        Effect: "Allow",
        Principal: { AWS: v.principalAccountRoot },
        Action: "sts:AssumeRole",
        Condition: {
          StringEquals: { "sts:ExternalId": v.externalId },
          ArnEquals: { "aws:PrincipalArn": v.principalArn },
        },
      },
    ],
  };
}

// The read APIs Ladder calls do not support resource-level scoping consistently (Cost Explorer,
// Organizations listings), so the actions are the least-privilege boundary, not the resources.
export function readOnlyPolicy() {
  return {
    Version: "2012-10-17",
    Statement: [{ Sid: "LadderReadOnly", Effect: "Allow", Action: [...readOnlyActions], Resource: "*" }],
  };
}
