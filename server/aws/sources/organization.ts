import {
  type Account,
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  type OrganizationsClient,
  paginateListAccountsForParent,
  paginateListDelegatedAdministrators,
  paginateListDelegatedServicesForAccount,
  paginateListOrganizationalUnitsForParent,
  paginateListPolicies,
  paginateListRoots,
  paginateListTargetsForPolicy,
} from "@aws-sdk/client-organizations";
import { mapLimit } from "./concurrency";
import { checkAborted, type FetchContext, withClient } from "./types";

// Organizations is a low-rate, global API called once per organisation from the management
// account; two calls in flight keep a 1,000-account walk quick without tripping its throttle.
const ORG_CONCURRENCY = 2;

/** Natural key: id. */
export interface OrganizationRecord {
  id: string;
  arn: string;
  managementAccountId: string;
  featureSet: string;
}

/** Natural key: id. */
export interface OrgRootRecord {
  id: string;
  arn: string;
  name: string;
  enabledPolicyTypes: string[];
}

/** Natural key: id. `path` is built from names: "/Workloads/Prod". */
export interface OrgUnitRecord {
  id: string;
  arn: string;
  name: string;
  parentId: string;
  path: string;
}

/** Natural key: id. `ouPath` is "/" for accounts directly under the root. */
export interface OrgAccountRecord {
  id: string;
  arn: string;
  name: string;
  email: string;
  status: string;
  state: string | null;
  joinedMethod: string | null;
  joinedAt: Date | null;
  parentId: string;
  ouPath: string;
}

export interface ScpTarget {
  targetId: string;
  type: "ROOT" | "ORGANIZATIONAL_UNIT" | "ACCOUNT";
  name: string;
}

/** Natural key: id. `content` is null when `contentRaw` is not valid JSON (kept so nothing is lost). */
export interface ScpRecord {
  id: string;
  arn: string;
  name: string;
  description: string;
  awsManaged: boolean;
  content: Record<string, unknown> | null;
  contentRaw: string;
  targets: ScpTarget[];
}

/** Natural key: (accountId, servicePrincipal). */
export interface DelegatedAdminRecord {
  accountId: string;
  servicePrincipal: string;
  delegationEnabledAt: Date | null;
}

export interface OrganizationSnapshot {
  organization: OrganizationRecord;
  roots: OrgRootRecord[];
  units: OrgUnitRecord[];
  accounts: OrgAccountRecord[];
  policies: ScpRecord[];
  delegatedAdministrators: DelegatedAdminRecord[];
}

/** Reads the whole organisation with the management account's credentials. */
export async function fetchOrganization(ctx: FetchContext): Promise<OrganizationSnapshot> {
  // Organizations is served from us-east-1 whatever region the caller works in.
  return withClient(
    ctx,
    "organizations",
    async (client) => {
      const { Organization: org } = await client.send(new DescribeOrganizationCommand({}));
      const roots: OrgRootRecord[] = [];
      for await (const page of paginateListRoots({ client }, {})) {
        for (const r of page.Roots ?? []) {
          roots.push({
            id: r.Id ?? "",
            arn: r.Arn ?? "",
            name: r.Name ?? "Root",
            enabledPolicyTypes: (r.PolicyTypes ?? []).filter((p) => p.Status === "ENABLED").map((p) => p.Type ?? ""),
          });
        }
      }
      const { units, accounts } = await walkTree(ctx, client, roots);
      return {
        organization: {
          id: org?.Id ?? "",
          arn: org?.Arn ?? "",
          managementAccountId: org?.MasterAccountId ?? "",
          featureSet: org?.FeatureSet ?? "",
        },
        roots,
        units,
        accounts,
        policies: await listScps(ctx, client),
        delegatedAdministrators: await listDelegatedAdmins(ctx, client),
      };
    },
    "us-east-1",
  );
}

/** Breadth-first, one level at a time, so every node's name path is known before its children. */
async function walkTree(ctx: FetchContext, client: OrganizationsClient, roots: OrgRootRecord[]) {
  const units: OrgUnitRecord[] = [];
  const accounts: OrgAccountRecord[] = [];
  let level = roots.map((r) => ({ id: r.id, path: "" }));
  while (level.length > 0) {
    const children = await mapLimit(
      level,
      ORG_CONCURRENCY,
      async (parent) => {
        checkAborted(ctx);
        const found: OrgUnitRecord[] = [];
        for await (const page of paginateListOrganizationalUnitsForParent({ client }, { ParentId: parent.id })) {
          for (const ou of page.OrganizationalUnits ?? []) {
            const name = ou.Name ?? ou.Id ?? "";
            found.push({ id: ou.Id ?? "", arn: ou.Arn ?? "", name, parentId: parent.id, path: `${parent.path}/${name}` });
          }
        }
        for await (const page of paginateListAccountsForParent({ client }, { ParentId: parent.id })) {
          for (const a of page.Accounts ?? []) accounts.push(accountRecord(a, parent.id, parent.path || "/"));
        }
        return found;
      },
      ctx.signal,
    );
    const next = children.flat();
    units.push(...next);
    level = next.map((u) => ({ id: u.id, path: u.path }));
  }
  return { units, accounts: accounts.sort((a, b) => a.id.localeCompare(b.id)) };
}

function accountRecord(a: Account, parentId: string, ouPath: string): OrgAccountRecord {
  return {
    id: a.Id ?? "",
    arn: a.Arn ?? "",
    name: a.Name ?? "",
    email: a.Email ?? "",
    // Status is being replaced by State; keep both and fall back so either generation reads.
    status: a.Status ?? a.State ?? "",
    state: a.State ?? null,
    joinedMethod: a.JoinedMethod ?? null,
    joinedAt: a.JoinedTimestamp ?? null,
    parentId,
    ouPath,
  };
}

async function listScps(ctx: FetchContext, client: OrganizationsClient): Promise<ScpRecord[]> {
  const summaries = [];
  for await (const page of paginateListPolicies({ client }, { Filter: "SERVICE_CONTROL_POLICY" })) {
    checkAborted(ctx);
    summaries.push(...(page.Policies ?? []));
  }
  return mapLimit(
    summaries,
    ORG_CONCURRENCY,
    async (summary) => {
      const { Policy } = await client.send(new DescribePolicyCommand({ PolicyId: summary.Id }));
      const targets: ScpTarget[] = [];
      for await (const page of paginateListTargetsForPolicy({ client }, { PolicyId: summary.Id })) {
        for (const t of page.Targets ?? []) {
          targets.push({ targetId: t.TargetId ?? "", type: (t.Type ?? "ACCOUNT") as ScpTarget["type"], name: t.Name ?? "" });
        }
      }
      const contentRaw = Policy?.Content ?? "";
      return {
        id: summary.Id ?? "",
        arn: summary.Arn ?? "",
        name: summary.Name ?? "",
        description: summary.Description ?? "",
        awsManaged: summary.AwsManaged ?? false,
        content: parsePolicyContent(contentRaw),
        contentRaw,
        targets,
      };
    },
    ctx.signal,
  );
}

/** SCP documents arrive as JSON strings (often tab-indented); a malformed one yields null, not a failed sync. */
export function parsePolicyContent(raw: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

async function listDelegatedAdmins(ctx: FetchContext, client: OrganizationsClient): Promise<DelegatedAdminRecord[]> {
  const adminIds: string[] = [];
  for await (const page of paginateListDelegatedAdministrators({ client }, {})) {
    for (const a of page.DelegatedAdministrators ?? []) if (a.Id) adminIds.push(a.Id);
  }
  // The admin listing does not say for which services; one call per admin account does.
  const perAdmin = await mapLimit(
    adminIds,
    ORG_CONCURRENCY,
    async (accountId) => {
      const records: DelegatedAdminRecord[] = [];
      for await (const page of paginateListDelegatedServicesForAccount({ client }, { AccountId: accountId })) {
        for (const s of page.DelegatedServices ?? []) {
          records.push({
            accountId,
            servicePrincipal: s.ServicePrincipal ?? "",
            delegationEnabledAt: s.DelegationEnabledDate ?? null,
          });
        }
      }
      return records;
    },
    ctx.signal,
  );
  return perAdmin.flat();
}
