import { describe, expect, it } from "vitest";
import { readOnlyActions } from "~/server/aws/permissions";
import { AppError } from "~/server/errors";
import { cloudFormationTemplateJson, parameterNames, stackParameterValues } from "./cloudformation";
import { resolveIntrinsics, type Json } from "./resolve-intrinsics";
import { principalArnPattern } from "./template-params";
import { sampleParams } from "./template-fixtures";

interface Statement {
  Sid: string;
  Effect: string;
  Action: string | string[];
  Resource?: string;
  Principal?: Json;
  Condition?: { [operator: string]: { [key: string]: Json } };
}
interface PolicyDocument {
  Version: string;
  Statement: Statement[];
}
interface Parameter {
  Type: string;
  Default: string;
  AllowedPattern: string;
  [attribute: string]: Json;
}
interface Template {
  Description: string;
  Parameters: Record<string, Parameter>;
  Resources: Record<string, { Type: string; Properties: Record<string, Json> }>;
  Outputs: Record<string, { Value: Json }>;
}

function template(p = sampleParams): Template {
  // JSON round trip: what CloudFormation receives is the serialised document.
  return JSON.parse(JSON.stringify(cloudFormationTemplateJson(p))) as Template;
}

function roleOf(t: Template) {
  const properties = t.Resources.LadderReadOnlyRole!.Properties as unknown as {
    RoleName: Json;
    MaxSessionDuration: number;
    Tags: Json;
    ManagedPolicyArns?: Json;
    PermissionsBoundary?: Json;
    AssumeRolePolicyDocument: PolicyDocument;
    Policies: { PolicyName: string; PolicyDocument: PolicyDocument }[];
  };
  return properties;
}

describe("cloudFormationTemplateJson: permissions", () => {
  const t = template();
  const role = roleOf(t);
  const statements = role.Policies[0]!.PolicyDocument.Statement;
  const actions = statements.flatMap((s) => s.Action);

  it("creates exactly one resource, an IAM role with one inline policy and no managed policies", () => {
    expect(Object.keys(t.Resources)).toEqual(["LadderReadOnlyRole"]);
    expect(t.Resources.LadderReadOnlyRole!.Type).toBe("AWS::IAM::Role");
    expect(role.ManagedPolicyArns).toBeUndefined();
    expect(role.PermissionsBoundary).toBeUndefined();
    expect(role.Policies).toHaveLength(1);
    expect(role.Policies[0]!.PolicyName).toBe("LadderReadOnly");
  });

  it("grants exactly readOnlyActions on Resource *, each once", () => {
    expect(new Set(actions)).toEqual(new Set(readOnlyActions));
    expect(actions).toHaveLength(new Set(actions).size);
    // FinOps: list prices, commitments with their terms, purchase recommendations.
    expect(actions).toEqual(
      expect.arrayContaining([
        "pricing:GetProducts",
        "ce:GetSavingsPlansUtilizationDetails",
        "ce:GetSavingsPlansPurchaseRecommendation",
      ]),
    );
    // Incidents: Incident Manager records, their timeline and related items.
    expect(actions).toEqual(
      expect.arrayContaining([
        "ssm-incidents:ListIncidentRecords",
        "ssm-incidents:GetIncidentRecord",
        "ssm-incidents:ListTimelineEvents",
        "ssm-incidents:ListRelatedItems",
      ]),
    );
    for (const s of statements) {
      expect(s.Effect).toBe("Allow");
      expect(s.Resource).toBe("*");
      expect(Object.keys(s).sort()).toEqual(["Action", "Effect", "Resource", "Sid"]);
    }
  });

  it("uses only read verbs and no wildcards", () => {
    for (const action of actions) {
      expect(action).not.toContain("*");
      expect(action).not.toContain("?");
      expect(action === "sts:GetCallerIdentity" || /^[a-z0-9-]+:(?:Describe|List|Get|BatchGet)[A-Za-z]+$/.test(action)).toBe(
        true,
      );
    }
  });
});

describe("cloudFormationTemplateJson: trust", () => {
  const t = template();
  const role = roleOf(t);
  const statement = role.AssumeRolePolicyDocument.Statement[0]!;

  it("requires the External ID and Ladder's principal ARN", () => {
    expect(role.AssumeRolePolicyDocument.Statement).toHaveLength(1);
    expect(statement.Effect).toBe("Allow");
    expect(statement.Action).toBe("sts:AssumeRole");
    expect(statement.Condition).toEqual({
      StringEquals: { "sts:ExternalId": { Ref: parameterNames.externalId } },
      ArnEquals: { "aws:PrincipalArn": { Ref: parameterNames.principalArn } },
    });
  });

  it("trusts the root of the principal's account, derived from the ARN", () => {
    const trust = role.AssumeRolePolicyDocument as unknown as Json;
    const resolved = resolveIntrinsics(trust, stackParameterValues(sampleParams)) as unknown as PolicyDocument;
    expect(resolved.Statement[0]!.Principal).toEqual({ AWS: "arn:aws:iam::111122223333:root" });
    const asUser = resolveIntrinsics(trust, {
      ...stackParameterValues(sampleParams),
      LadderPrincipalArn: "arn:aws-us-gov:iam::444455556666:user/ladder",
    }) as unknown as PolicyDocument;
    expect(asUser.Statement[0]!.Principal).toEqual({ AWS: "arn:aws-us-gov:iam::444455556666:root" });
    expect(asUser.Statement[0]!.Condition?.ArnEquals).toEqual({
      "aws:PrincipalArn": "arn:aws-us-gov:iam::444455556666:user/ladder",
    });
  });

  it("declares the parameters with their constraints and the given values as defaults", () => {
    expect(Object.keys(t.Parameters)).toEqual(["ExternalId", "LadderPrincipalArn", "RoleName"]);
    const externalId = t.Parameters.ExternalId!;
    expect(externalId).toMatchObject({ Type: "String", NoEcho: false, MinLength: 32, Default: sampleParams.externalId });
    const pattern = new RegExp(`^(?:${externalId.AllowedPattern})$`);
    expect(pattern.test(sampleParams.externalId)).toBe(true);
    expect(pattern.test('has"quote' + "x".repeat(32))).toBe(false);
    expect(pattern.test("has space" + "x".repeat(32))).toBe(false);
    expect(pattern.test("${interpolation}" + "x".repeat(32))).toBe(false);
    expect(t.Parameters.LadderPrincipalArn!.Default).toBe(sampleParams.appPrincipalArn);
    expect(t.Parameters.RoleName!.Default).toBe("LadderReadOnly");
  });

  it("limits sessions to an hour, tags the workspace and outputs the role ARN", () => {
    expect(role.MaxSessionDuration).toBe(3600);
    expect(role.RoleName).toEqual({ Ref: "RoleName" });
    expect(role.Tags).toEqual([{ Key: "ladder:workspace", Value: "acme-platform" }]);
    expect(t.Outputs.RoleArn!.Value).toEqual({ "Fn::GetAtt": ["LadderReadOnlyRole", "Arn"] });
    expect(t.Description).toMatch(/Ladder read-only/);
  });
});

describe("template parameters", () => {
  it("accepts role and user principals but not assumed-role sessions", () => {
    const pattern = new RegExp(`^(?:${principalArnPattern})$`);
    expect(pattern.test("arn:aws:iam::111122223333:role/ladder-app")).toBe(true);
    expect(pattern.test("arn:aws:iam::111122223333:user/ladder")).toBe(true);
    expect(pattern.test("arn:aws:sts::111122223333:assumed-role/ladder-app/session")).toBe(false);
    expect(() => template({ ...sampleParams, appPrincipalArn: "arn:aws:sts::111122223333:assumed-role/ladder-app/s" })).toThrow(
      AppError,
    );
  });

  it("rejects an External ID shorter than 32 characters or with other characters", () => {
    expect(() => template({ ...sampleParams, externalId: "x".repeat(31) })).toThrow(/32/);
    expect(() => template({ ...sampleParams, externalId: "x".repeat(32) })).not.toThrow();
    expect(() => template({ ...sampleParams, externalId: "${x}" + "x".repeat(32) })).toThrow(AppError);
  });

  it("defaults the role name and region", () => {
    const t = template({ ...sampleParams, roleName: "" });
    expect(t.Parameters.RoleName!.Default).toBe("LadderReadOnly");
    expect(() => template({ ...sampleParams, roleName: "bad name" })).toThrow(AppError);
    expect(() => template({ ...sampleParams, region: "mars-1" })).toThrow(AppError);
  });
});
