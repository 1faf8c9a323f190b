import { describe, expect, it } from "vitest";
import { awsServices } from "./clients";
import { AWS_SERVICE_NAMES, awsServiceName, namedApiCalls } from "./service-names";

describe("AWS service names", () => {
  it("name every service Ladder makes a client for, as AWS names it", () => {
    expect(Object.keys(AWS_SERVICE_NAMES).sort()).toEqual([...awsServices].sort());
    expect(AWS_SERVICE_NAMES).toEqual({
      sts: "AWS STS",
      organizations: "AWS Organizations",
      costExplorer: "AWS Cost Explorer",
      pricing: "AWS Price List",
      cloudTrail: "AWS CloudTrail",
      ecr: "Amazon ECR",
      inspector2: "Amazon Inspector",
      fis: "AWS FIS",
      cloudWatch: "Amazon CloudWatch",
      codeDeploy: "AWS CodeDeploy",
      xray: "AWS X-Ray",
      eks: "Amazon EKS",
      ssmIncidents: "AWS Systems Manager Incident Manager",
    });
  });

  it("show a key no longer known as it was stored, and nothing inherited from Object", () => {
    expect(awsServiceName("codeDeploy")).toBe("AWS CodeDeploy");
    expect(awsServiceName("lambda")).toBe("lambda");
    expect(awsServiceName("toString")).toBe("toString");
  });

  it("list calls per service most first, ties by name", () => {
    expect(namedApiCalls({ sts: 2, codeDeploy: 2, ecr: 5 })).toEqual([
      { service: "ecr", name: "Amazon ECR", calls: 5 },
      { service: "codeDeploy", name: "AWS CodeDeploy", calls: 2 },
      { service: "sts", name: "AWS STS", calls: 2 },
    ]);
  });
});
