import { describe, expect, it } from "vitest";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { fetchOrganization, parsePolicyContent } from "./organization";
import { countCalls, demoContext, failureWith, readSample, withThrottling } from "./test-support";

// 70 accounts put more than 20 (the ListAccountsForParent page limit) under Prod and Staging.
const sim = useAwsSimulator({ size: 70 });
const PAGE = 20;

describe("fetchOrganization", () => {
  it("reads every account, OU, SCP and delegated admin the simulator holds, paging where needed", async () => {
    const org = sim.current.state.organization;
    const ctx = demoContext(sim.current, sim.current.state.managementAccountId);
    const snapshot = await fetchOrganization(ctx);

    expect(snapshot.organization).toMatchObject({ id: org.id, managementAccountId: org.managementAccount.id, featureSet: "ALL" });
    expect(snapshot.roots.map((r) => r.id)).toEqual([org.rootId]);
    expect(snapshot.accounts).toHaveLength(org.accounts.length);
    expect(snapshot.units).toHaveLength(org.units.length);
    expect(snapshot.policies).toHaveLength(org.policies.length);
    expect(snapshot.delegatedAdministrators).toHaveLength(org.delegatedAdmins.length);

    const namePath = (parentId: string): string => {
      const unit = org.units.find((u) => u.id === parentId);
      return unit ? `${namePath(unit.parentId)}/${unit.name}` : "";
    };
    for (const account of org.accounts) {
      const record = snapshot.accounts.find((a) => a.id === account.id);
      expect(record).toMatchObject({ parentId: account.parentId, ouPath: namePath(account.parentId) || "/", name: account.name });
    }
    expect(snapshot.units.find((u) => u.name === "Prod")?.path).toBe("/Workloads/Prod");
    expect(snapshot.accounts.find((a) => a.name === "legacy-marketing")).toMatchObject({ ouPath: "/", joinedMethod: "INVITED" });

    for (const policy of org.policies) {
      const record = snapshot.policies.find((p) => p.id === policy.id);
      expect(record?.targets).toHaveLength(policy.targets.length);
      expect(record?.contentRaw).toBe(policy.content);
      expect(record?.content).toEqual(JSON.parse(policy.content));
    }

    const parents = [org.rootId, ...org.units.map((u) => u.id)];
    const pagesFor = (n: number) => Math.max(1, Math.ceil(n / PAGE));
    const expectedAccountPages = parents.reduce((s, p) => s + pagesFor(org.accounts.filter((a) => a.parentId === p).length), 0);
    expect(expectedAccountPages).toBeGreaterThan(parents.length);
    expect(countCalls(ctx, "ListAccountsForParent")).toBe(expectedAccountPages);
    expect(countCalls(ctx, "DescribePolicy")).toBe(org.policies.length);
    expect(sim.current.state.callCount("organizations", "ListAccountsForParent")).toBeGreaterThanOrEqual(expectedAccountPages);
  });

  it("parses SCP documents as AWS stores them", () => {
    const described = JSON.parse(readSample("scp/aws__aws-cli/describe-policy.output.json")) as { Policy: { Content: string } };
    expect(parsePolicyContent(described.Policy.Content)).toMatchObject({ Version: "2012-10-17" });
    const regionDeny = readSample(
      "scp/aws-samples__service-control-policy-examples/Deny-access-to-AWS-based-on-the-requested-AWS-region.json",
    );
    expect(parsePolicyContent(regionDeny)?.Statement).toHaveLength(1);
    expect(parsePolicyContent("{not json")).toBeNull();
  });

  it("surfaces AccessDenied and retries throttling", async () => {
    const ctx = demoContext(sim.current, sim.current.state.managementAccountId);
    const denied = await failureWith(sim.current, { service: "organizations", action: "ListPolicies" }, () =>
      fetchOrganization(ctx),
    );
    expect(denied).toEqual({ name: "AccessDeniedException", kind: "access-denied" });

    const throttled = await withThrottling(sim.current, { service: "organizations", action: "ListRoots" }, () =>
      fetchOrganization(ctx),
    );
    expect(throttled.throttled).toBe(2);
    expect(throttled.result.accounts).toHaveLength(sim.current.state.organization.accounts.length);
  });

  it("refuses a member account", async () => {
    const member = sim.current.state.organization.accounts[4]?.id ?? "";
    await expect(fetchOrganization(demoContext(sim.current, member))).rejects.toMatchObject({ name: "AccessDeniedException" });
  });
});
