import { describe, expect, it } from "vitest";
import { readOnlyActions } from "~/server/aws/permissions";
import { cloudFormationTemplate, cloudFormationTemplateJson } from "./cloudformation";
import { sampleParams } from "./template-fixtures";
import { toYaml } from "./yaml";
import { readYaml } from "./yaml-reader";

describe("cloudFormationTemplate (YAML)", () => {
  const yaml = cloudFormationTemplate(sampleParams);
  const lines = yaml.split("\n");

  it("reads back to exactly the JSON template", () => {
    expect(readYaml(yaml)).toEqual(JSON.parse(JSON.stringify(cloudFormationTemplateJson(sampleParams))));
  });

  it("lists every action once, as an item of the policy's Action sequence", () => {
    const actionHeader = lines.findIndex((line) => line.trimStart() === "Action:" && line.startsWith("                "));
    expect(actionHeader).toBeGreaterThan(0);
    const itemIndent = " ".repeat(lines[actionHeader]!.indexOf("Action:") + 2);
    const items = lines.slice(actionHeader + 1, actionHeader + 1 + readOnlyActions.length);
    expect(items).toEqual(readOnlyActions.map((action) => `${itemIndent}- ${action}`));
    expect(lines[actionHeader + 1 + readOnlyActions.length]!.trimStart()).toBe('Resource: "*"');
    for (const action of readOnlyActions) expect(lines.filter((line) => line.endsWith(` ${action}`))).toHaveLength(1);
  });

  it("writes the trust conditions under Condition, nested by two spaces", () => {
    const condition = lines.findIndex((line) => line.trimStart() === "Condition:");
    const indent = lines[condition]!.indexOf("C");
    const pad = (n: number) => " ".repeat(indent + n);
    expect(lines.slice(condition, condition + 7)).toEqual([
      `${pad(0)}Condition:`,
      `${pad(2)}StringEquals:`,
      `${pad(4)}sts:ExternalId:`,
      `${pad(6)}Ref: ExternalId`,
      `${pad(2)}ArnEquals:`,
      `${pad(4)}aws:PrincipalArn:`,
      `${pad(6)}Ref: LadderPrincipalArn`,
    ]);
  });

  it("quotes the version dates and the External ID default", () => {
    expect(lines[0]).toBe('AWSTemplateFormatVersion: "2010-09-09"');
    expect(yaml).toContain(`Default: ${JSON.stringify(sampleParams.externalId)}`);
    expect(yaml).toContain('      Version: "2012-10-17"');
    expect(yaml).not.toContain("\t");
  });
});

describe("toYaml", () => {
  it("round-trips values a careless emitter would corrupt", () => {
    const value = {
      reserved: ["yes", "No", "on", "OFF", "y", "true", "null", "~"],
      numberLike: ["3600", "1e3", "0x1F", "2012-10-17", "1:20", ".5", "-1"],
      special: ["", " lead", "trail ", "a: b", "a #b", "#x", "- x", "*", "&a", "!Ref x", "@x", "`x", "{x}", "[x]", "a,b", "x:"],
      text: ["line\nbreak", 'quote"s', "back\\slash", "tab\tx", "\u0085\u2028\u00e9 ünï", "${Partition}"],
      "key with: colon": { "#hash": 1, "-dash": 2, "": 3, "Fn::Sub": ["a", { b: [[1, 2], []] }] },
      numbers: [0, -2, 3.5, 1e21],
      flags: [true, false, null],
      empty: { list: [], map: {} },
    };
    expect(readYaml(toYaml(value))).toEqual(value);
  });

  it("writes safe strings plain and others as JSON strings", () => {
    expect(toYaml({ a: "sts:AssumeRole", b: "AWS::IAM::Role", c: "yes", d: "a b" })).toBe(
      'a: sts:AssumeRole\nb: AWS::IAM::Role\nc: "yes"\nd: "a b"\n',
    );
    expect(toYaml({ list: [{ a: 1, b: [2] }, [3, 4]] })).toBe("list:\n  - a: 1\n    b:\n      - 2\n  - - 3\n    - 4\n");
  });
});
