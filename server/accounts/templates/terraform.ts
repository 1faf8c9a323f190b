import { hclExpression, hclKey, hclString } from "./hcl";
import { maxSessionDuration, policyName, readOnlyPolicy, roleDescription, trustPolicy, workspaceTagKey } from "./policies";
import { resolveTemplateParams, type TemplateParams } from "./template-params";

// The Terraform equivalent of the CloudFormation stack: same trust conditions, same actions.
// Values are resolved here rather than left as variables, so the snippet applies as pasted.
export function terraformSnippet(p: TemplateParams): string {
  const r = resolveTemplateParams(p);
  const trust = trustPolicy({
    principalAccountRoot: `arn:${r.partition}:iam::${r.appAccountId}:root`,
    principalArn: r.appPrincipalArn,
    externalId: r.externalId,
  });
  return `# Lets Ladder read this account. Ladder assumes the role with the External ID below; the role
# has no write permissions. Paste the role_arn output into Ladder to finish connecting.

resource "aws_iam_role" "ladder_read_only" {
  name                 = ${hclString(r.roleName)}
  description          = ${hclString(roleDescription)}
  max_session_duration = ${maxSessionDuration}
  assume_role_policy = jsonencode(${hclExpression(trust, "  ")})

  tags = {
    ${hclKey(workspaceTagKey)} = ${hclString(r.workspaceSlug)}
  }
}

resource "aws_iam_role_policy" "ladder_read_only" {
  name = ${hclString(policyName)}
  role = aws_iam_role.ladder_read_only.id
  policy = jsonencode(${hclExpression(readOnlyPolicy(), "  ")})
}

output "role_arn" {
  value = aws_iam_role.ladder_read_only.arn
}
`;
}
