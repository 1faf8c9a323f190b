import { SERVICES } from "../catalog";
import type { Organization } from "../data/organization";
import { SimError } from "../errors";
import { awsJsonProtocol } from "../protocols/aws-json";
import type { Input } from "./input";
import { accountShape, organizationShape, policySummary, rootShape, targetShape, unitShape } from "./organizations-shapes";
import { paginate } from "./pagination";
import type { CallContext, OperationHandler, ServiceImpl } from "./types";

const PAGE = { defaultPageSize: 20, maxPageSize: 20 };

function invalidToken(): SimError {
  return new SimError("InvalidInputException", "The provided pagination token is invalid.", 400, {
    Reason: "INVALID_NEXT_TOKEN",
  });
}

function tooLarge(requested: number): SimError {
  return new SimError(
    "ValidationException",
    `1 validation error detected: Value '${requested}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 20`,
    400,
  );
}

function organizationOf(context: CallContext): Organization {
  const org = context.state.data.organization;
  if (!org.accountById.has(context.principal.accountId)) {
    throw new SimError("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.", 400);
  }
  return org;
}

/** Listing the organisation is reserved to the management account, as in AWS. */
function managementOnly(context: CallContext): Organization {
  const org = organizationOf(context);
  if (context.principal.accountId !== org.managementAccount.id) {
    throw new SimError("AccessDeniedException", "You don't have permissions to access this resource.", 400);
  }
  return org;
}

function page<T>(input: Input, items: readonly T[], scope: string) {
  return paginate(items, {
    ...PAGE,
    token: input.string("NextToken"),
    requested: input.number("MaxResults"),
    scope,
    invalidToken,
    tooLarge,
  });
}

function requireParent(org: Organization, parentId: string): void {
  if (parentId !== org.rootId && !org.units.some((u) => u.id === parentId)) {
    throw new SimError("ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.", 400);
  }
}

function scpFilter(input: Input): boolean {
  return input.requiredString("Filter") === "SERVICE_CONTROL_POLICY";
}

const operations: Record<string, OperationHandler> = {
  DescribeOrganization: (_input, context) => ({ Organization: organizationShape(organizationOf(context)) }),
  ListRoots: (input, context) => {
    const result = page(input, [rootShape(managementOnly(context))], "roots");
    return { Roots: result.items, NextToken: result.nextToken };
  },
  ListAccounts: (input, context) => {
    const result = page(input, managementOnly(context).accounts, "accounts");
    return { Accounts: result.items.map(accountShape), NextToken: result.nextToken };
  },
  DescribeAccount: (input, context) => {
    const account = managementOnly(context).accountById.get(input.requiredString("AccountId"));
    if (!account) throw new SimError("AccountNotFoundException", "You specified an account that doesn't exist.", 400);
    return { Account: accountShape(account) };
  },
  ListAccountsForParent: (input, context) => {
    const org = managementOnly(context);
    const parentId = input.requiredString("ParentId");
    requireParent(org, parentId);
    const result = page(
      input,
      org.accounts.filter((a) => a.parentId === parentId),
      `accounts:${parentId}`,
    );
    return { Accounts: result.items.map(accountShape), NextToken: result.nextToken };
  },
  ListOrganizationalUnitsForParent: (input, context) => {
    const org = managementOnly(context);
    const parentId = input.requiredString("ParentId");
    requireParent(org, parentId);
    const result = page(
      input,
      org.units.filter((u) => u.parentId === parentId),
      `units:${parentId}`,
    );
    return { OrganizationalUnits: result.items.map(unitShape), NextToken: result.nextToken };
  },
  ListChildren: (input, context) => {
    const org = managementOnly(context);
    const parentId = input.requiredString("ParentId");
    requireParent(org, parentId);
    const type = input.requiredString("ChildType");
    const ids =
      type === "ACCOUNT" ? org.accounts.filter((a) => a.parentId === parentId) : org.units.filter((u) => u.parentId === parentId);
    const result = page(input, ids, `children:${parentId}:${type}`);
    return { Children: result.items.map((c) => ({ Id: c.id, Type: type })), NextToken: result.nextToken };
  },
  ListParents: (input, context) => {
    const org = managementOnly(context);
    const childId = input.requiredString("ChildId");
    const parentId = org.accountById.get(childId)?.parentId ?? org.units.find((u) => u.id === childId)?.parentId;
    if (!parentId)
      throw new SimError(
        "ChildNotFoundException",
        "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.",
        400,
      );
    const result = page(input, [parentId], `parents:${childId}`);
    return {
      Parents: result.items.map((id) => ({ Id: id, Type: id === org.rootId ? "ROOT" : "ORGANIZATIONAL_UNIT" })),
      NextToken: result.nextToken,
    };
  },
  ListPolicies: (input, context) => {
    const org = managementOnly(context);
    const result = page(input, scpFilter(input) ? org.policies : [], `policies:${input.requiredString("Filter")}`);
    return { Policies: result.items.map(policySummary), NextToken: result.nextToken };
  },
  ListPoliciesForTarget: (input, context) => {
    const org = managementOnly(context);
    const targetId = input.requiredString("TargetId");
    const attached = scpFilter(input) ? org.policies.filter((p) => p.targets.some((t) => t.targetId === targetId)) : [];
    const result = page(input, attached, `policies-for:${targetId}`);
    return { Policies: result.items.map(policySummary), NextToken: result.nextToken };
  },
  DescribePolicy: (input, context) => {
    const policy = managementOnly(context).policies.find((p) => p.id === input.requiredString("PolicyId"));
    if (!policy)
      throw new SimError("PolicyNotFoundException", "We can't find a policy with the PolicyId that you specified.", 400);
    return { Policy: { PolicySummary: policySummary(policy), Content: policy.content } };
  },
  ListTargetsForPolicy: (input, context) => {
    const org = managementOnly(context);
    const policyId = input.requiredString("PolicyId");
    const policy = org.policies.find((p) => p.id === policyId);
    if (!policy)
      throw new SimError("PolicyNotFoundException", "We can't find a policy with the PolicyId that you specified.", 400);
    const result = page(input, policy.targets, `targets:${policyId}`);
    return { Targets: result.items.map((t) => targetShape(org, t.targetId, t.type)), NextToken: result.nextToken };
  },
  ListDelegatedAdministrators: (input, context) => {
    const org = managementOnly(context);
    const principal = input.string("ServicePrincipal");
    const ids = [
      ...new Set(org.delegatedAdmins.filter((d) => !principal || d.servicePrincipal === principal).map((d) => d.accountId)),
    ];
    const result = page(input, ids, `delegated:${principal ?? ""}`);
    const admins = result.items.flatMap((id) => {
      const account = org.accountById.get(id);
      const since = org.delegatedAdmins.find((d) => d.accountId === id)?.enabledAt;
      return account ? [{ ...accountShape(account), DelegationEnabledDate: since }] : [];
    });
    return { DelegatedAdministrators: admins, NextToken: result.nextToken };
  },
  ListDelegatedServicesForAccount: (input, context) => {
    const org = managementOnly(context);
    const accountId = input.requiredString("AccountId");
    const services = org.delegatedAdmins.filter((d) => d.accountId === accountId);
    if (services.length === 0) {
      throw new SimError(
        "AccountNotRegisteredException",
        "The provided account is not a registered delegated administrator for your organization.",
        400,
      );
    }
    const result = page(input, services, `delegated-services:${accountId}`);
    return {
      DelegatedServices: result.items.map((d) => ({ ServicePrincipal: d.servicePrincipal, DelegationEnabledDate: d.enabledAt })),
      NextToken: result.nextToken,
    };
  },
};

export const organizationsService: ServiceImpl = {
  info: SERVICES.organizations,
  protocol: awsJsonProtocol("1.1"),
  operations,
};
