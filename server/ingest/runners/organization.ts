import type { Prisma } from "~/generated/prisma/client";
import { fetchTrails } from "~/server/aws/sources/cloudtrail";
import { fetchOrganization } from "~/server/aws/sources/organization";
import { addCounts, emptyResult, type SourceRunner } from "../sources";
import { deleteUnseen, upsertRows } from "../upsert";

// The organisation's tree, SCPs and delegated administrators, and the management account's
// trails. Everything here is fetched whole, so anything not seen this run is gone in AWS.
export const organizationRunner: SourceRunner = {
  name: "organization",
  service: "organizations",
  organizationWide: true,
  async run(ctx) {
    const organizationRefId = ctx.account.organizationRefId;
    if (!organizationRefId) throw new Error("The management account is not linked to an organisation; re-verify it.");
    const snapshot = await fetchOrganization(ctx.fetch);
    const result = emptyResult();
    const org = { organizationRefId };

    addCounts(
      result,
      await upsertRows(
        "OrgUnit",
        ["organizationRefId", "ouId"],
        snapshot.units.map((u) => ({ ...org, ouId: u.id, name: u.name, parentId: u.parentId, path: u.path })),
        ctx.runId,
      ),
    );
    addCounts(
      result,
      await upsertRows(
        "OrgMember",
        ["organizationRefId", "accountId"],
        snapshot.accounts.map((a) => ({
          ...org,
          accountId: a.id,
          name: a.name,
          email: a.email,
          status: a.state ?? a.status,
          parentId: a.parentId,
          ouPath: a.ouPath,
          joinedAt: a.joinedAt?.toISOString() ?? null,
        })),
        ctx.runId,
      ),
    );
    addCounts(
      result,
      await upsertRows(
        "Scp",
        ["organizationRefId", "policyId"],
        snapshot.policies.map((p) => ({
          ...org,
          policyId: p.id,
          name: p.name,
          description: p.description,
          awsManaged: p.awsManaged,
          content: (p.content ?? { unparsed: p.contentRaw }) as Prisma.InputJsonObject,
          targets: p.targets as unknown as Prisma.InputJsonArray,
        })),
        ctx.runId,
      ),
    );
    addCounts(
      result,
      await upsertRows(
        "DelegatedAdmin",
        ["organizationRefId", "accountId", "servicePrincipal"],
        snapshot.delegatedAdministrators.map((d) => ({
          ...org,
          accountId: d.accountId,
          servicePrincipal: d.servicePrincipal,
          enabledAt: d.delegationEnabledAt?.toISOString() ?? null,
        })),
        ctx.runId,
      ),
    );
    const trails = await fetchTrails(ctx.fetch);
    addCounts(
      result,
      await upsertRows(
        "AwsTrail",
        ["awsAccountRef", "arn"],
        trails.map((t) => ({
          awsAccountRef: ctx.account.ref,
          arn: t.arn,
          name: t.name,
          homeRegion: t.homeRegion,
          isOrganizationTrail: t.isOrganizationTrail,
          isMultiRegion: t.isMultiRegionTrail,
          logFileValidation: t.logFileValidationEnabled,
          isLogging: t.isLogging,
          s3BucketName: t.s3BucketName,
          latestDeliveryAt: t.latestDeliveryTime?.toISOString() ?? null,
        })),
        ctx.runId,
      ),
    );
    for (const table of ["OrgUnit", "OrgMember", "Scp", "DelegatedAdmin"]) {
      result.deleted += await deleteUnseen(table, org, ctx.runId);
    }
    result.deleted += await deleteUnseen("AwsTrail", { awsAccountRef: ctx.account.ref }, ctx.runId);
    return result;
  },
};
