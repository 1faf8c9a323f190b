import { describe, expect, it } from "vitest";
import { cloudFormationTemplateJson, stackParameterValues } from "./cloudformation";
import { stackSetInstructions, stackSetTemplate } from "./stack-set";
import { sampleParams } from "./template-fixtures";

type Template = { Parameters: object; Resources: object; Outputs: object; Description: string };

function parametersArguments(text: string): { ParameterKey: string; ParameterValue: string }[][] {
  return [...text.matchAll(/--parameters '([^']*)'/g)].map(
    (m) => JSON.parse(m[1]!) as { ParameterKey: string; ParameterValue: string }[],
  );
}

describe("stackSetTemplate", () => {
  it("rolls out the same role as the single-account template", () => {
    const single = cloudFormationTemplateJson(sampleParams) as Template;
    const set = stackSetTemplate(sampleParams) as Template;
    expect(set.Parameters).toEqual(single.Parameters);
    expect(set.Resources).toEqual(single.Resources);
    expect(set.Outputs).toEqual(single.Outputs);
    expect(set.Description).toMatch(/StackSet/);
  });
});

describe("stackSetInstructions", () => {
  const withoutUrl = stackSetInstructions({ ...sampleParams, templateUrl: undefined });
  const withUrl = stackSetInstructions(sampleParams);

  it("explains that the management account needs the single-account stack", () => {
    expect(withoutUrl).toMatch(/StackSets never deploy to the organisation's management account/);
    expect(withoutUrl).toMatch(/1\. Create the role in the management account itself:\n {3}aws cloudformation create-stack /);
  });

  it("creates a service-managed, auto-deploying StackSet, then instances for the root or OUs", () => {
    const order = [
      "create-stack ",
      "activate-organizations-access",
      "create-stack-set ",
      "list-roots",
      "create-stack-instances ",
      "list-stack-instances ",
    ];
    const positions = order.map((command) => withoutUrl.indexOf(command));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(withoutUrl).toContain("--permission-model SERVICE_MANAGED");
    expect(withoutUrl).toContain("--auto-deployment Enabled=true,RetainStacksOnAccountRemoval=false");
    expect(withoutUrl).toContain('--deployment-targets OrganizationalUnitIds="$ROOT_ID"');
    expect(withoutUrl).toContain("--regions 'us-east-1'");
    expect(withoutUrl.match(/--capabilities CAPABILITY_NAMED_IAM/g)).toHaveLength(2);
  });

  it("fills in the template's parameters by name with this workspace's values", () => {
    const expected = Object.entries(stackParameterValues(sampleParams)).map(([ParameterKey, ParameterValue]) => ({
      ParameterKey,
      ParameterValue,
    }));
    const templateKeys = Object.keys((cloudFormationTemplateJson(sampleParams) as Template).Parameters);
    const found = parametersArguments(withoutUrl);
    expect(found).toHaveLength(2);
    for (const parameters of found) {
      expect(parameters).toEqual(expected);
      expect(parameters.map((p) => p.ParameterKey)).toEqual(templateKeys);
    }
  });

  it("uses the hosted template when there is one, the saved file otherwise", () => {
    expect(withoutUrl).toContain("--template-body file://ladder-read-only-role.yaml");
    expect(withoutUrl).toContain("Save the CloudFormation template as ladder-read-only-role.yaml");
    expect(withUrl).toContain(`--template-url '${sampleParams.templateUrl}'`);
    expect(withUrl).not.toContain("--template-body");
  });

  it("tells the user the member role ARN to add", () => {
    expect(withoutUrl).toContain("arn:aws:iam::<account-id>:role/LadderReadOnly");
  });
});
