import {
  DescribeImageScanFindingsCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetRegistryScanningConfigurationCommand,
  RepositoryNotFoundException,
} from "@aws-sdk/client-ecr";
import {
  Inspector2Client,
  ListFindingsCommand,
  paginateListFindings,
  ThrottlingException,
  type Finding,
} from "@aws-sdk/client-inspector2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../index";
import { assumeDemoRole, captureError, clientConfig, startTestSimulator } from "../test-support";

describe("ECR (awsJson1_1) and Inspector2 (restJson1)", () => {
  let sim: RunningSimulator;
  let prodId: string;
  let auditId: string;

  beforeAll(async () => {
    sim = await startTestSimulator({ today: new Date("2026-11-20T00:00:00Z") });
    prodId = sim.state.organization.accounts.find((a) => a.environment === "prod")?.id ?? "";
    auditId = sim.state.organization.accounts.find((a) => a.name === "audit")?.id ?? "";
  });
  afterAll(() => sim.close());

  it("lists repositories, images and basic scan findings", async () => {
    const ecr = new ECRClient(clientConfig(sim, await assumeDemoRole(sim, prodId)));
    const { repositories } = await ecr.send(new DescribeRepositoriesCommand({}));
    expect(repositories?.length).toBe(3);
    const config = await ecr.send(new GetRegistryScanningConfigurationCommand({}));
    expect(config.scanningConfiguration?.scanType).toBe("BASIC");
    const repo = repositories?.[0]?.repositoryName ?? "";
    const { imageDetails } = await ecr.send(new DescribeImagesCommand({ repositoryName: repo }));
    const latest = imageDetails?.find((i) => i.imageTags?.includes("latest"));
    expect(latest?.imagePushedAt).toBeInstanceOf(Date);
    expect(latest?.imageScanFindingsSummary?.findingSeverityCounts?.CRITICAL).toBe(1);
    const scan = await ecr.send(new DescribeImageScanFindingsCommand({ repositoryName: repo, imageId: { imageTag: "latest" } }));
    expect(scan.imageScanFindings?.findings?.some((f) => f.severity === "CRITICAL")).toBe(true);
    expect(await captureError(() => ecr.send(new DescribeImagesCommand({ repositoryName: "nope" })))).toBeInstanceOf(
      RepositoryNotFoundException,
    );
  });

  it("lets the delegated administrator page through every account's findings", async () => {
    const inspector = new Inspector2Client(clientConfig(sim, await assumeDemoRole(sim, auditId)));
    const findings: Finding[] = [];
    for await (const page of paginateListFindings({ client: inspector, pageSize: 10 }, {}))
      findings.push(...(page.findings ?? []));
    expect(new Set(findings.map((f) => f.awsAccountId)).size).toBeGreaterThan(3);
    const criticalOld = findings.filter(
      (f) =>
        f.severity === "CRITICAL" &&
        f.status === "ACTIVE" &&
        (f.firstObservedAt?.getTime() ?? Infinity) < Date.parse("2026-10-21"),
    );
    expect(criticalOld.length).toBeGreaterThanOrEqual(2);
    const filtered = await inspector.send(
      new ListFindingsCommand({
        filterCriteria: {
          awsAccountId: [{ comparison: "EQUALS", value: prodId }],
          severity: [{ comparison: "EQUALS", value: "CRITICAL" }],
        },
      }),
    );
    expect(filtered.findings?.every((f) => f.awsAccountId === prodId && f.severity === "CRITICAL")).toBe(true);
  });

  it("raises restJson errors as the SDK's named exceptions", async () => {
    const inspector = new Inspector2Client(clientConfig(sim, await assumeDemoRole(sim, prodId)));
    sim.state.addFault({ kind: "throttle", service: "inspector2", times: 1 });
    const throttled = await captureError(() => inspector.send(new ListFindingsCommand({})));
    expect(throttled).toBeInstanceOf(ThrottlingException);
    expect(throttled.$metadata?.httpStatusCode).toBe(429);
    sim.state.addFault({ kind: "access-denied", service: "inspector2", times: 1 });
    const denied = await captureError(() => inspector.send(new ListFindingsCommand({})));
    expect(denied.name).toBe("AccessDeniedException");
    expect(denied.$metadata?.httpStatusCode).toBe(403);
    sim.state.addFault({ kind: "server-error", service: "inspector2", times: 1 });
    expect((await captureError(() => inspector.send(new ListFindingsCommand({})))).name).toBe("InternalServerException");
    const tooMany = await captureError(() => inspector.send(new ListFindingsCommand({ maxResults: 500 })));
    expect(tooMany.name).toBe("ValidationException");
  });
});
