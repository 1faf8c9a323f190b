import {
  AccessDeniedException,
  AWSOrganizationsNotInUseException,
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  InvalidInputException,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListDelegatedAdministratorsCommand,
  ListDelegatedServicesForAccountCommand,
  ListOrganizationalUnitsForParentCommand,
  ListParentsCommand,
  ListRootsCommand,
  ListTargetsForPolicyCommand,
  OrganizationsClient,
  paginateListAccounts,
  paginateListPolicies,
} from "@aws-sdk/client-organizations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../index";
import { assumeDemoRole, captureError, clientConfig, startTestSimulator } from "../test-support";

describe("Organizations over awsJson1_1", () => {
  let sim: RunningSimulator;
  let org: OrganizationsClient;

  beforeAll(async () => {
    sim = await startTestSimulator({ size: 45 });
    org = new OrganizationsClient(clientConfig(sim, await assumeDemoRole(sim, sim.state.managementAccountId)));
  });
  afterAll(() => sim.close());

  it("describes the organisation", async () => {
    const { Organization } = await org.send(new DescribeOrganizationCommand({}));
    expect(Organization?.MasterAccountId).toBe(sim.state.managementAccountId);
    expect(Organization?.Id).toMatch(/^o-[a-z0-9]{10}$/);
  });

  it("pages ListAccounts 20 at a time with the SDK paginator", async () => {
    const pages: number[] = [];
    const ids: string[] = [];
    for await (const page of paginateListAccounts({ client: org }, {})) {
      pages.push(page.Accounts?.length ?? 0);
      ids.push(...(page.Accounts ?? []).map((a) => a.Id ?? ""));
    }
    expect(pages).toEqual([20, 20, 5]);
    expect(new Set(ids).size).toBe(45);
    const first = await org.send(new ListAccountsCommand({ MaxResults: 3 }));
    expect(first.Accounts?.[0]?.JoinedTimestamp).toBeInstanceOf(Date);
  });

  it("walks the tree: root, OUs, accounts and parents", async () => {
    const { Roots } = await org.send(new ListRootsCommand({}));
    const rootId = Roots?.[0]?.Id ?? "";
    const { OrganizationalUnits } = await org.send(new ListOrganizationalUnitsForParentCommand({ ParentId: rootId }));
    expect(OrganizationalUnits?.map((u) => u.Name).sort()).toEqual(["Infrastructure", "Sandbox", "Security", "Workloads"]);
    const inRoot = await org.send(new ListAccountsForParentCommand({ ParentId: rootId }));
    expect(inRoot.Accounts?.map((a) => a.Name).sort()).toEqual(["legacy-marketing", "management"]);
    const workloads = OrganizationalUnits?.find((u) => u.Name === "Workloads")?.Id ?? "";
    const nested = await org.send(new ListOrganizationalUnitsForParentCommand({ ParentId: workloads }));
    const prod = nested.OrganizationalUnits?.find((u) => u.Name === "Prod")?.Id ?? "";
    const prodAccounts = await org.send(new ListAccountsForParentCommand({ ParentId: prod }));
    const anyProd = prodAccounts.Accounts?.[0]?.Id ?? "";
    expect(prodAccounts.Accounts?.every((a) => a.Name?.endsWith("-prod"))).toBe(true);
    const parents = await org.send(new ListParentsCommand({ ChildId: anyProd }));
    expect(parents.Parents).toEqual([{ Id: prod, Type: "ORGANIZATIONAL_UNIT" }]);
  });

  it("lists SCPs with real JSON documents and their targets", async () => {
    const policies = [];
    for await (const page of paginateListPolicies({ client: org }, { Filter: "SERVICE_CONTROL_POLICY" }))
      policies.push(...(page.Policies ?? []));
    expect(policies.map((p) => p.Name)).toContain("FullAWSAccess");
    const regionDeny = policies.find((p) => p.Name === "ProdRegionRestriction");
    const described = await org.send(new DescribePolicyCommand({ PolicyId: regionDeny?.Id ?? "" }));
    const doc = JSON.parse(described.Policy?.Content ?? "{}") as { Statement: Array<{ Effect: string; Condition?: unknown }> };
    expect(doc.Statement[0]?.Effect).toBe("Deny");
    expect(JSON.stringify(doc)).toContain("aws:RequestedRegion");
    expect(JSON.stringify(doc)).not.toContain("ArnNotLike");
    const targets = await org.send(new ListTargetsForPolicyCommand({ PolicyId: regionDeny?.Id ?? "" }));
    expect(targets.Targets).toEqual([expect.objectContaining({ Name: "Prod", Type: "ORGANIZATIONAL_UNIT" })]);
  });

  it("lists delegated administrators and their services", async () => {
    const { DelegatedAdministrators } = await org.send(new ListDelegatedAdministratorsCommand({}));
    const audit = DelegatedAdministrators?.find((d) => d.Name === "audit");
    expect(audit?.DelegationEnabledDate).toBeInstanceOf(Date);
    const services = await org.send(new ListDelegatedServicesForAccountCommand({ AccountId: audit?.Id ?? "" }));
    expect(services.DelegatedServices?.map((s) => s.ServicePrincipal)).toContain("inspector2.amazonaws.com");
  });

  it("rejects a forged NextToken", async () => {
    const error = await captureError(() => org.send(new ListAccountsCommand({ NextToken: "bogus" })));
    expect(error).toBeInstanceOf(InvalidInputException);
  });

  it("refuses member accounts and outsiders the way AWS does", async () => {
    const memberId = sim.state.organization.accounts[5]?.id ?? "";
    const member = new OrganizationsClient(clientConfig(sim, await assumeDemoRole(sim, memberId)));
    expect((await member.send(new DescribeOrganizationCommand({}))).Organization?.MasterAccountId).toBe(
      sim.state.managementAccountId,
    );
    expect(await captureError(() => member.send(new ListAccountsCommand({})))).toBeInstanceOf(AccessDeniedException);
    const outsider = new OrganizationsClient(clientConfig(sim));
    expect(await captureError(() => outsider.send(new ListRootsCommand({})))).toBeInstanceOf(AWSOrganizationsNotInUseException);
  });
});
