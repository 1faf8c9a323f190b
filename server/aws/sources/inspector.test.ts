import { describe, expect, it } from "vitest";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { repositories } from "~/simulator/data/registries";
import { inspectorFindings } from "./inspector";
import { collect, countCalls, demoContext, failureWith, withThrottling } from "./test-support";

const sim = useAwsSimulator();

function delegatedAdmin(): string {
  const admin = sim.current.state.organization.delegatedAdmins.find((d) => d.servicePrincipal === "inspector2.amazonaws.com");
  if (!admin) throw new Error("no Inspector delegated administrator");
  return admin.accountId;
}

function simulatedFindings(accountIds: string[]) {
  return accountIds.flatMap((id) => repositories(sim.current.state.data, id).flatMap((r) => r.images.flatMap((i) => i.findings)));
}

describe("inspectorFindings", () => {
  it("lists every member's findings from the delegated administrator, page by page", async () => {
    const ctx = demoContext(sim.current, delegatedAdmin());
    const expected = simulatedFindings(sim.current.state.organization.accounts.map((a) => a.id));
    const { records, pages } = await collect(inspectorFindings(ctx, { pageSize: 25 }));
    expect(records).toHaveLength(expected.length);
    expect(pages).toBe(Math.ceil(expected.length / 25));
    expect(countCalls(ctx, "ListFindings")).toBe(pages);
    expect(new Set(records.map((r) => r.findingArn)).size).toBe(records.length);
    expect(records.filter((r) => r.status === "CLOSED")).toHaveLength(expected.filter((f) => f.status === "CLOSED").length);
    expect(records[0]).toMatchObject({
      type: "PACKAGE_VULNERABILITY",
      resourceType: "AWS_ECR_CONTAINER_IMAGE",
      vulnerabilityId: expect.stringMatching(/^CVE-/),
      packageName: expect.any(String),
    });
  });

  it("narrows to recently updated findings and to chosen accounts", async () => {
    const ctx = demoContext(sim.current, delegatedAdmin());
    const since = new Date(sim.current.state.data.today.getTime() - 2 * 3_600_000);
    const recent = await collect(inspectorFindings(ctx, { since }));
    expect(recent.records).toHaveLength(
      simulatedFindings(sim.current.state.organization.accounts.map((a) => a.id)).filter((f) => f.status === "ACTIVE").length,
    );
    const prod = sim.current.state.organization.accounts.filter((a) => a.environment === "prod").map((a) => a.id);
    const some = await collect(inspectorFindings(ctx, { accountIds: prod }));
    expect(some.records).toHaveLength(simulatedFindings(prod).length);
    expect(new Set(some.records.map((r) => r.awsAccountId))).toEqual(new Set(prod));
  });

  it("surfaces AccessDenied and retries throttling", async () => {
    const ctx = demoContext(sim.current, delegatedAdmin());
    expect(
      await failureWith(sim.current, { service: "inspector2", action: "ListFindings" }, () => collect(inspectorFindings(ctx))),
    ).toEqual({ name: "AccessDeniedException", kind: "access-denied" });
    const { result, throttled } = await withThrottling(sim.current, { service: "inspector2", action: "ListFindings" }, () =>
      collect(inspectorFindings(ctx)),
    );
    expect(throttled).toBe(2);
    expect(result.records.length).toBeGreaterThan(0);
  });
});
