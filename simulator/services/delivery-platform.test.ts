import {
  BatchGetDeploymentGroupsCommand,
  BatchGetDeploymentsCommand,
  CodeDeployClient,
  GetDeploymentConfigCommand,
  ListApplicationsCommand,
  ListDeploymentGroupsCommand,
  paginateListDeployments,
  ThrottlingException as CodeDeployThrottling,
} from "@aws-sdk/client-codedeploy";
import {
  DescribeAddonCommand,
  DescribeClusterCommand,
  EKSClient,
  ListAddonsCommand,
  ListClustersCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-eks";
import { GetSamplingRulesCommand, XRayClient } from "@aws-sdk/client-xray";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../index";
import { assumeDemoRole, captureError, clientConfig, startTestSimulator, type TestCredentials } from "../test-support";

describe("CodeDeploy (awsJson1_1), X-Ray and EKS (restJson1)", () => {
  let sim: RunningSimulator;
  let prod: TestCredentials;
  let secondProd: TestCredentials;

  beforeAll(async () => {
    sim = await startTestSimulator({ today: new Date("2026-11-20T00:00:00Z") });
    const prods = sim.state.organization.accounts.filter((a) => a.environment === "prod");
    prod = await assumeDemoRole(sim, prods[0]?.id ?? "");
    secondProd = await assumeDemoRole(sim, prods[1]?.id ?? "");
  });
  afterAll(() => sim.close());

  it("has canary groups, one without rollback on alarms, and a year of deployments", async () => {
    const cd = new CodeDeployClient(clientConfig(sim, prod));
    const { applications } = await cd.send(new ListApplicationsCommand({}));
    expect(applications).toHaveLength(2);
    const app = applications?.[0] ?? "";
    const { deploymentGroups } = await cd.send(new ListDeploymentGroupsCommand({ applicationName: app }));
    const { deploymentGroupsInfo } = await cd.send(
      new BatchGetDeploymentGroupsCommand({ applicationName: app, deploymentGroupNames: deploymentGroups }),
    );
    const group = deploymentGroupsInfo?.[0];
    expect(group?.deploymentConfigName).toBe("CodeDeployDefault.ECSCanary10Percent5Minutes");
    expect(group?.autoRollbackConfiguration?.events).toEqual(["DEPLOYMENT_FAILURE"]);
    const config = await cd.send(new GetDeploymentConfigCommand({ deploymentConfigName: group?.deploymentConfigName }));
    expect(config.deploymentConfigInfo?.trafficRoutingConfig?.timeBasedCanary?.canaryPercentage).toBe(10);
    const ids: string[] = [];
    for await (const page of paginateListDeployments(
      { client: cd },
      { applicationName: app, deploymentGroupName: group?.deploymentGroupName },
    ))
      ids.push(...(page.deployments ?? []));
    expect(ids.length).toBeGreaterThan(100);
    const { deploymentsInfo } = await cd.send(new BatchGetDeploymentsCommand({ deploymentIds: ids.slice(0, 25) }));
    expect(deploymentsInfo).toHaveLength(25);
    expect(deploymentsInfo?.[0]?.createTime).toBeInstanceOf(Date);
    sim.state.addFault({ kind: "throttle", service: "codedeploy", times: 1 });
    expect(await captureError(() => cd.send(new ListApplicationsCommand({})))).toBeInstanceOf(CodeDeployThrottling);
  });

  it("samples every request in exactly one prod account", async () => {
    const first = await new XRayClient(clientConfig(sim, prod)).send(new GetSamplingRulesCommand({}));
    expect(first.SamplingRuleRecords?.map((r) => r.SamplingRule?.FixedRate)).toEqual([1, 0.05]);
    const second = await new XRayClient(clientConfig(sim, secondProd)).send(new GetSamplingRulesCommand({}));
    expect(second.SamplingRuleRecords?.every((r) => (r.SamplingRule?.FixedRate ?? 1) < 1)).toBe(true);
    sim.state.addFault({ kind: "throttle", service: "xray", times: 1 });
    const throttled = await captureError(() => new XRayClient(clientConfig(sim, prod)).send(new GetSamplingRulesCommand({})));
    expect(throttled.name).toBe("ThrottledException");
  });

  it("lists EKS clusters and add-ons, Karpenter-tagged in prod", async () => {
    const eks = new EKSClient(clientConfig(sim, prod));
    const { clusters } = await eks.send(new ListClustersCommand({}));
    const name = clusters?.[0] ?? "";
    const { cluster } = await eks.send(new DescribeClusterCommand({ name }));
    expect(cluster?.tags?.["karpenter.sh/discovery"]).toBe(name);
    expect(cluster?.createdAt).toBeInstanceOf(Date);
    const { addons } = await eks.send(new ListAddonsCommand({ clusterName: name, maxResults: 2 }));
    expect(addons).toHaveLength(2);
    const addon = await eks.send(new DescribeAddonCommand({ clusterName: name, addonName: "adot" }));
    expect(addon.addon?.status).toBe("ACTIVE");
    const missing = await captureError(() => eks.send(new DescribeClusterCommand({ name: "nope" })));
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    expect(missing.$metadata?.httpStatusCode).toBe(404);
  });
});
