import type { ImageScanFinding } from "@aws-sdk/client-ecr";
import { describe, expect, it } from "vitest";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { repositories } from "~/simulator/data/registries";
import { ecrInventory, fetchRegistryScanning, fetchRepositories } from "./ecr";
import { basicFinding } from "./ecr-findings";
import { collect, countCalls, demoContext, failureWith, readSample, withThrottling } from "./test-support";

const sim = useAwsSimulator();

function accountIn(environment: string) {
  const account = sim.current.state.organization.accounts.find((a) => a.environment === environment);
  if (!account) throw new Error(`no ${environment} account`);
  return account.id;
}

async function inventory(accountId: string, findingsImagesPerRepository?: number) {
  const ctx = demoContext(sim.current, accountId);
  const repos = [];
  for await (const repo of ecrInventory(ctx, { findingsImagesPerRepository })) repos.push(repo);
  return { ctx, repos };
}

describe("ECR", () => {
  it("reads repositories, images and the findings of every scanned image", async () => {
    const accountId = accountIn("prod");
    const expected = repositories(sim.current.state.data, accountId);
    const { ctx, repos } = await inventory(accountId);
    expect(repos.map((r) => r.repository.name)).toEqual(expected.map((r) => r.name));
    for (const [i, repo] of repos.entries()) {
      const source = expected[i];
      if (!source) throw new Error("missing repository");
      expect(repo.repository).toMatchObject({ arn: source.arn, scanOnPush: source.scanOnPush, registryId: accountId });
      expect(repo.images).toHaveLength(source.images.length);
      const active = source.images.flatMap((img) => img.findings.filter((f) => f.status === "ACTIVE"));
      expect(repo.findings).toHaveLength(source.scanOnPush ? active.length : 0);
      for (const image of repo.images) {
        const counted = Object.values(image.findingSeverityCounts).reduce((a, b) => a + b, 0);
        expect(counted).toBe(repo.findings.filter((f) => f.imageDigest === image.digest).length);
      }
    }
    const scannedImages = expected.filter((r) => r.scanOnPush).reduce((n, r) => n + r.images.length, 0);
    expect(countCalls(ctx, "DescribeImageScanFindings")).toBe(scannedImages);
    const critical = repos.flatMap((r) => r.findings).filter((f) => f.severity === "CRITICAL");
    expect(critical.length).toBeGreaterThan(0);
    expect(critical[0]).toMatchObject({ source: "basic", packageName: expect.any(String), packageVersion: expect.any(String) });
  });

  it("bounds the findings fan-out to the images most recently pulled", async () => {
    const accountId = accountIn("prod");
    const { ctx, repos } = await inventory(accountId, 1);
    const scannedRepos = repositories(sim.current.state.data, accountId).filter((r) => r.scanOnPush).length;
    expect(countCalls(ctx, "DescribeImageScanFindings")).toBe(scannedRepos);
    for (const repo of repos.filter((r) => r.findings.length > 0)) {
      const pulled = Math.max(...repo.images.map((i) => i.lastRecordedPullTime?.getTime() ?? 0));
      const chosen = repo.images.find((i) => i.digest === repo.findings[0]?.imageDigest);
      expect(chosen?.lastRecordedPullTime?.getTime()).toBe(pulled);
    }
  });

  it("skips findings for images that were never scanned, and reports the registry scanning rules", async () => {
    const sandbox = accountIn("sandbox");
    const { ctx, repos } = await inventory(sandbox);
    expect(repos.every((r) => r.findings.length === 0 && r.images.every((i) => i.scanStatus === null))).toBe(true);
    expect(countCalls(ctx, "DescribeImageScanFindings")).toBe(0);
    const prod = accountIn("prod");
    const scanning = await fetchRegistryScanning(demoContext(sim.current, prod));
    expect(scanning.scanType).toBe("BASIC");
    const onPush = repositories(sim.current.state.data, prod).filter((r) => r.scanOnPush);
    expect(scanning.rules[0]?.repositoryFilters.map((f) => f.filter)).toEqual(onPush.map((r) => r.name));
  });

  it("reads a real basic-scan finding's package from its attributes", () => {
    const sample = JSON.parse(readSample("ecr-scan-findings/aws__aws-cli/describe-image-scan-findings.output.json")) as {
      imageScanFindings: { findings: ImageScanFinding[] };
    };
    const finding = sample.imageScanFindings.findings[0];
    if (!finding) throw new Error("sample has no finding");
    const image = { registryId: "123456789012", repositoryName: "sample-repo", imageDigest: "sha256:74b2" };
    expect(basicFinding({ accountId: "123456789012", region: "us-east-1" }, image, finding)).toMatchObject({
      name: "CVE-2019-5188",
      severity: "MEDIUM",
      packageName: "e2fsprogs",
      packageVersion: "1.44.1-1ubuntu1.1",
    });
  });

  it("surfaces AccessDenied and retries throttling", async () => {
    const ctx = demoContext(sim.current, accountIn("prod"));
    expect(
      await failureWith(sim.current, { service: "ecr", action: "DescribeImageScanFindings" }, () =>
        collect(
          (async function* () {
            for await (const r of ecrInventory(ctx)) yield [r];
          })(),
        ),
      ),
    ).toEqual({ name: "AccessDeniedException", kind: "access-denied" });
    const { result, throttled } = await withThrottling(sim.current, { service: "ecr", action: "DescribeRepositories" }, () =>
      fetchRepositories(ctx),
    );
    expect(throttled).toBe(2);
    expect(result).toHaveLength(repositories(sim.current.state.data, ctx.accountId).length);
  });
});
