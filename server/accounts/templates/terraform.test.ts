import { describe, expect, it } from "vitest";
import { readOnlyActions } from "~/server/aws/permissions";
import { cloudFormationTemplateJson, stackParameterValues } from "./cloudformation";
import { hclExpression, hclKey, hclString } from "./hcl";
import { readHclString, readJsonencode } from "./hcl-reader";
import { resolveIntrinsics, type Json } from "./resolve-intrinsics";
import { sampleParams } from "./template-fixtures";
import { terraformSnippet } from "./terraform";

interface RoleProperties {
  AssumeRolePolicyDocument: Json;
  Policies: { PolicyName: string; PolicyDocument: Json }[];
  MaxSessionDuration: number;
}

const snippet = terraformSnippet(sampleParams);
const template = JSON.parse(JSON.stringify(cloudFormationTemplateJson(sampleParams))) as {
  Resources: { LadderReadOnlyRole: { Properties: RoleProperties } };
};
const role = template.Resources.LadderReadOnlyRole.Properties;

describe("terraformSnippet", () => {
  it("grants the same policy as the CloudFormation template", () => {
    expect(readJsonencode(snippet, "policy")).toEqual(role.Policies[0]!.PolicyDocument);
  });

  it("trusts the same principal with the same conditions as the stack resolves to", () => {
    const stackTrust = resolveIntrinsics(role.AssumeRolePolicyDocument, stackParameterValues(sampleParams));
    const trust = readJsonencode(snippet, "assume_role_policy");
    expect(trust).toEqual(stackTrust);
    expect(trust).toMatchObject({
      Statement: [
        {
          Principal: { AWS: "arn:aws:iam::111122223333:root" },
          Condition: {
            StringEquals: { "sts:ExternalId": sampleParams.externalId },
            ArnEquals: { "aws:PrincipalArn": sampleParams.appPrincipalArn },
          },
        },
      ],
    });
  });

  it("contains each action exactly once", () => {
    for (const action of readOnlyActions) expect(snippet.split(`"${action}"`)).toHaveLength(2);
    for (const action of ["ListIncidentRecords", "GetIncidentRecord", "ListTimelineEvents", "ListRelatedItems"])
      expect(snippet).toContain(`"ssm-incidents:${action}"`);
  });

  it("declares the role, inline policy, tag and output", () => {
    expect(snippet).toContain('resource "aws_iam_role" "ladder_read_only" {');
    expect(snippet).toContain('  name                 = "LadderReadOnly"');
    expect(snippet).toContain(`  max_session_duration = ${role.MaxSessionDuration}`);
    expect(snippet).toContain('resource "aws_iam_role_policy" "ladder_read_only" {');
    expect(snippet).toContain("  role = aws_iam_role.ladder_read_only.id");
    expect(snippet).toContain('    "ladder:workspace" = "acme-platform"');
    expect(snippet).toContain('output "role_arn" {\n  value = aws_iam_role.ladder_read_only.arn\n}');
    expect(snippet.split("{").length).toBe(snippet.split("}").length);
  });
});

describe("hclString", () => {
  it("escapes interpolation, directives, quotes, backslashes and control characters", () => {
    expect(hclString("${var.x}")).toBe('"$${var.x}"');
    expect(hclString("%{ if x }")).toBe('"%%{ if x }"');
    expect(hclString('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
    expect(hclString("$x {y} $$ %")).toBe('"$x {y} $$ %"');
    for (const value of ["${a}${b}", "$${a}", "a$", "%{", "\u0001\t\r", "plain"]) {
      expect(readHclString(hclString(value))).toEqual([value, hclString(value).length]);
    }
  });

  it("is what the reader needs: a live ${ is refused", () => {
    expect(() => readHclString('"${x}"')).toThrow(/evaluated/);
  });

  it("quotes keys that are not plain identifiers", () => {
    expect(hclKey("Version")).toBe("Version");
    expect(hclKey("sts:ExternalId")).toBe('"sts:ExternalId"');
    expect(hclKey("for")).toBe('"for"');
    const value = { for: [1, "${x}", { "a b": null, ok: true }], "": [] as string[], e: {} };
    expect(readJsonencode(`x = jsonencode(${hclExpression(value)})`, "x")).toEqual(value);
  });
});
