import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { cloudFormationTemplateJson } from "./cloudformation";
import { quickCreateUrl } from "./quick-create-url";
import { sampleParams } from "./template-fixtures";

const templateUrl = sampleParams.templateUrl!;

function fragmentParams(url: string): URLSearchParams {
  const hash = new URL(url).hash;
  expect(hash.startsWith("#/stacks/quickcreate?")).toBe(true);
  return new URLSearchParams(hash.slice("#/stacks/quickcreate?".length));
}

describe("quickCreateUrl", () => {
  it("opens the CloudFormation console in the region", () => {
    const url = new URL(quickCreateUrl({ ...sampleParams, templateUrl, region: "eu-west-2" }));
    expect(url.origin).toBe("https://eu-west-2.console.aws.amazon.com");
    expect(url.pathname).toBe("/cloudformation/home");
    expect(url.searchParams.get("region")).toBe("eu-west-2");
    expect(new URL(quickCreateUrl({ ...sampleParams, templateUrl })).host).toBe("us-east-1.console.aws.amazon.com");
  });

  it("passes every template parameter by its exact name", () => {
    const params = fragmentParams(quickCreateUrl({ ...sampleParams, templateUrl }));
    const template = cloudFormationTemplateJson(sampleParams) as { Parameters: Record<string, { Default: string }> };
    const passed = [...params.keys()].filter((key) => key.startsWith("param_")).map((key) => key.slice("param_".length));
    expect(passed).toEqual(Object.keys(template.Parameters));
    for (const [name, parameter] of Object.entries(template.Parameters))
      expect(params.get(`param_${name}`)).toBe(parameter.Default);
  });

  it("URL-encodes values so they round-trip", () => {
    const url = quickCreateUrl({ ...sampleParams, templateUrl, stackName: "Ladder-Acme" });
    const params = fragmentParams(url);
    expect(params.get("templateURL")).toBe(templateUrl);
    expect(params.get("stackName")).toBe("Ladder-Acme");
    expect(params.get("param_ExternalId")).toBe(sampleParams.externalId);
    expect(params.get("param_LadderPrincipalArn")).toBe(sampleParams.appPrincipalArn);
    const fragment = url.slice(url.indexOf("#/stacks/quickcreate?") + "#/stacks/quickcreate?".length);
    for (const pair of fragment.split("&")) expect(pair.split("=")[1]).toMatch(/^[A-Za-z0-9%._~*'()!-]*$/);
    expect(fragment).toContain("param_LadderPrincipalArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fladder%2Fladder-app");
    expect(fragment).toContain("%20read-only.yaml%3Fversion%3D3%26x%3D%2B");
  });

  it("names the stack after the workspace unless told otherwise", () => {
    expect(fragmentParams(quickCreateUrl({ ...sampleParams, templateUrl })).get("stackName")).toBe(
      "ladder-read-only-acme-platform",
    );
    expect(() => quickCreateUrl({ ...sampleParams, templateUrl, stackName: "1 bad name" })).toThrow(AppError);
  });

  it("requires an https template URL", () => {
    expect(() => quickCreateUrl({ ...sampleParams, templateUrl: "http://example.com/t.yaml" })).toThrow(AppError);
    expect(() => quickCreateUrl({ ...sampleParams, templateUrl: "not a url" })).toThrow(AppError);
  });
});
