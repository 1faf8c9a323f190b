import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import type {
  AccountEvidence,
  DelegatedAdminEvidence,
  Environment,
  MaturityEvidence,
  OrgUnitEvidence,
  ScpEvidence,
  TrailEvidence,
} from "../evidence";
import { scpTargets } from "./json";
import { accountRows, isIncluded, primaryOrganization, seenAt, seenJoin, type Limit } from "./sql";

type OrganizationEvidence = Pick<
  MaturityEvidence,
  "accounts" | "orgUnits" | "scps" | "delegatedAdmins" | "managementAccountId" | "trails"
>;

// Accounts are where Ladder connects; OrgMember is where Organizations puts them. An account the
// organisation does not list has no parent, which is how the rules tell a stray account.
function loadAccounts(workspaceId: string) {
  return db.$queryRaw<Array<Omit<AccountEvidence, "environment"> & { environment: string | null }>>`
    SELECT a.id, a."accountId", COALESCE(a.name, m.name) AS name, a.environment::text AS environment,
           COALESCE(m."ouPath", a."ouPath") AS "ouPath", m."parentId",
           COALESCE(a."accountId" = o."managementAccountId", false) AS "isManagement",
           CASE WHEN m.id IS NULL THEN COALESCE(a."lastVerifiedAt", a."updatedAt") ELSE ${seenAt} END AS "observedAt"
      FROM "AwsAccount" a
      LEFT JOIN "AwsOrganization" o ON o.id = ${primaryOrganization(workspaceId)}
      LEFT JOIN "OrgMember" m ON m."organizationRefId" = o.id AND m."accountId" = a."accountId"
      ${seenJoin("m", workspaceId, "OrgMember")}
     WHERE ${isIncluded("a", workspaceId)}
     ORDER BY a."accountId"`;
}

/** Rows of an organisation-level table, from the workspace's organisation only. */
function organizationRows<T>(workspaceId: string, table: string, columns: string) {
  return db.$queryRaw<Array<T & { id: string; observedAt: Date }>>`
    SELECT r.id, ${Prisma.raw(columns)}, ${seenAt} AS "observedAt"
      FROM ${Prisma.raw(`"${table}"`)} r
      JOIN "AwsOrganization" o ON o.id = r."organizationRefId"
      ${seenJoin("r", workspaceId, table)}
     WHERE o."workspaceId" = ${workspaceId} AND o.id = ${primaryOrganization(workspaceId)}
     ORDER BY r.id`;
}

export async function loadOrganization(workspaceId: string, limit: Limit): Promise<OrganizationEvidence> {
  const [accounts, management, orgUnits, scps, delegatedAdmins, trails] = await Promise.all([
    limit(() => loadAccounts(workspaceId)),
    limit(() =>
      db.awsOrganization.findFirst({
        where: { workspaceId },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { managementAccountId: true },
      }),
    ),
    limit(() =>
      organizationRows<Omit<OrgUnitEvidence, "id" | "observedAt">>(
        workspaceId,
        "OrgUnit",
        `r."ouId", r.name, r."parentId", r.path`,
      ),
    ),
    limit(() =>
      organizationRows<{ policyId: string; name: string; awsManaged: boolean; document: unknown; targets: unknown }>(
        workspaceId,
        "Scp",
        `r."policyId", r.name, r."awsManaged", r.content AS document, r.targets`,
      ),
    ),
    limit(() =>
      organizationRows<Omit<DelegatedAdminEvidence, "id" | "observedAt">>(
        workspaceId,
        "DelegatedAdmin",
        `r."accountId", r."servicePrincipal"`,
      ),
    ),
    limit(() =>
      accountRows<Omit<TrailEvidence, "id" | "observedAt" | "seenFromAccountId">>(
        { workspaceId },
        "AwsTrail",
        `r.arn, r.name, r."isOrganizationTrail", r."isMultiRegion", r."logFileValidation", r."isLogging"`,
      ),
    ),
  ]);
  return {
    accounts: accounts.map((a) => ({ ...a, environment: a.environment as Environment | null })),
    managementAccountId: management?.managementAccountId ?? null,
    orgUnits,
    scps: scps.map((p): ScpEvidence => ({ ...p, targets: scpTargets(p.targets) })),
    delegatedAdmins,
    trails: trails.map(({ accountId, ...t }) => ({ ...t, seenFromAccountId: accountId })),
  };
}
