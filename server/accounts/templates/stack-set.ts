import { cloudFormationTemplateJson, stackParameterValues } from "./cloudformation";
import { defaultStackName } from "./quick-create-url";
import { resolveTemplateParams, type TemplateParams } from "./template-params";

export const stackSetTemplateFile = "ladder-read-only-role.yaml";

// The member-account role is the single-account role unchanged, so one template serves both.
export function stackSetTemplate(p: TemplateParams): object {
  return {
    ...cloudFormationTemplateJson(p),
    Description: `Ladder read-only access (workspace ${resolveTemplateParams(p).workspaceSlug}), rolled out to member accounts by a service-managed StackSet. It grants no write permissions.`,
  };
}

// Single quotes keep the shell from expanding anything; the parameter patterns exclude "'" but
// the template URL and names are quoted the same way for safety.
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function stackSetInstructions(p: TemplateParams): string {
  const r = resolveTemplateParams(p);
  const name = defaultStackName(r.workspaceSlug);
  const region = shellQuote(r.region);
  const template = r.templateUrl
    ? `--template-url ${shellQuote(r.templateUrl)}`
    : `--template-body file://${stackSetTemplateFile}`;
  // JSON rather than the CLI shorthand: External IDs may contain "," and "=", which the
  // shorthand syntax would split on.
  const parameters = shellQuote(
    JSON.stringify(Object.entries(stackParameterValues(p)).map(([key, value]) => ({ ParameterKey: key, ParameterValue: value }))),
  );
  const roleArn = `arn:${r.partition}:iam::<account-id>:role/${r.roleName}`;

  return `Connect every account of an AWS organisation to Ladder (workspace ${r.workspaceSlug})

StackSets never deploy to the organisation's management account, even when you target the root.
Ladder reads Organizations and Cost Explorer from the management account, so it gets the
single-account stack (step 1); the StackSet then creates the same role in every member account,
including accounts that join later. All accounts share this workspace's External ID.

Run the commands with AWS CLI v2 in the management account. Steps 3, 5 and 6 can also run in a
delegated StackSets administrator account by adding --call-as DELEGATED_ADMIN to them.
${r.templateUrl ? "" : `Save the CloudFormation template as ${stackSetTemplateFile} in the current directory first.\n`}
1. Create the role in the management account itself:
   aws cloudformation create-stack --region ${region} --stack-name ${shellQuote(name)} \\
     ${template} \\
     --capabilities CAPABILITY_NAMED_IAM \\
     --parameters ${parameters}

2. Let CloudFormation StackSets work with AWS Organizations (once per organisation):
   aws cloudformation activate-organizations-access --region ${region}

3. Create the StackSet with service-managed permissions and automatic deployment to new accounts:
   aws cloudformation create-stack-set --region ${region} --stack-set-name ${shellQuote(name)} \\
     ${template} \\
     --permission-model SERVICE_MANAGED \\
     --auto-deployment Enabled=true,RetainStacksOnAccountRemoval=false \\
     --capabilities CAPABILITY_NAMED_IAM \\
     --parameters ${parameters}

4. Look up the organisation root (or use the ids of the OUs you want, like ou-abcd-12345678):
   ROOT_ID=$(aws organizations list-roots --query 'Roots[0].Id' --output text)

5. Deploy to the member accounts under it. IAM roles are global, so one region is enough:
   aws cloudformation create-stack-instances --region ${region} --stack-set-name ${shellQuote(name)} \\
     --deployment-targets OrganizationalUnitIds="$ROOT_ID" \\
     --regions ${region} \\
     --operation-preferences FailureTolerancePercentage=10,MaxConcurrentPercentage=25

6. Watch the rollout until every instance is CURRENT:
   aws cloudformation list-stack-instances --region ${region} --stack-set-name ${shellQuote(name)}

Then add the accounts in Ladder; each role is ${roleArn}.
`;
}
