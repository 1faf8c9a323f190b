import type { Prisma } from "~/generated/prisma/client";
import {
  alarmHistory,
  alarmHistoryToIncidents,
  cloudWatchAlarms,
  type AlarmRecord,
  type AlarmStateChange,
} from "~/server/aws/sources/cloudwatch";
import {
  codeDeployDeployments,
  codeDeployDeploymentsById,
  type DeploymentRecord,
  fetchCodeDeploy,
} from "~/server/aws/sources/codedeploy";
import { ecrInventory, fetchRegistryScanning } from "~/server/aws/sources/ecr";
import { fetchEksClusters } from "~/server/aws/sources/eks";
import { fetchFisTemplates, fisExperiments } from "~/server/aws/sources/fis";
import { inspectorFindings } from "~/server/aws/sources/inspector";
import { regionOf } from "~/server/aws/sources/types";
import { db } from "~/server/db";
import { mergeIncidentsAround } from "~/server/incidents/merge-store";
import { fetchSamplingRules } from "~/server/aws/sources/xray";
import { addCounts, emptyResult, type SourceContext, type SourceResult, type SourceRunner } from "../sources";
import { deleteUnseen, deleteUnseenIn, upsertRows, type Row } from "../upsert";
import { unlessDenied } from "./finops";
import { deploymentReads } from "./deployment-reads";
import { storedExperiments } from "./fis-experiments";
import { syncIncidentManager } from "./incident-manager";

// The per-account sources. Each reads its whole scope (account and region) and then removes
// what AWS no longer has; an error thrown part-way leaves earlier rows and deletes nothing.

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
const json = (value: unknown) => value as Prisma.InputJsonValue;

async function write(ctx: SourceContext, result: SourceResult, table: string, key: string[], rows: Row[]) {
  const scope = { awsAccountRef: ctx.account.ref, region: regionOf(ctx.fetch) };
  addCounts(
    result,
    await upsertRows(
      table,
      key,
      rows.map((r) => ({ ...scope, ...r })),
      ctx.runId,
    ),
  );
}

// Rows of one table gathered across listing pages and written a thousand at a time: a statement
// per page (often 25 to 100 rows) costs a round trip and a plan each, on both sides.
const FLUSH_ROWS = 1000;
function buffered(ctx: SourceContext, result: SourceResult, table: string, key: string[]) {
  let rows: Row[] = [];
  const flush = async () => {
    if (!rows.length) return;
    const batch = rows;
    rows = [];
    await write(ctx, result, table, key, batch);
  };
  return {
    async add(more: Row[]) {
      for (const row of more) rows.push(row);
      if (rows.length >= FLUSH_ROWS) await flush();
    },
    flush,
  };
}

async function clean(ctx: SourceContext, result: SourceResult, tables: string[]) {
  result.deleted += await deleteUnseenIn(tables, { awsAccountRef: ctx.account.ref, region: regionOf(ctx.fetch) }, ctx.runId);
}

const writesIn = (result: SourceResult) => result.inserted + result.updated + result.deleted;

const perAccountKey = (...columns: string[]) => ["awsAccountRef", "region", ...columns];

const alarmConsoleUrl = (region: string, name: string) =>
  `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#alarmsV2:alarm/${encodeURIComponent(name)}`;

/** The environment the account is in (from its OU or set by hand); null when unknown. */
async function accountEnvironment(ctx: SourceContext): Promise<string | null> {
  const account = await db.awsAccount.findUnique({ where: { id: ctx.account.ref }, select: { environment: true } });
  return account?.environment ?? null;
}

export const scansRunner: SourceRunner = {
  name: "scans",
  service: "ecr",
  organizationWide: false,
  async run(ctx) {
    const result = emptyResult();
    const scanning = await fetchRegistryScanning(ctx.fetch);
    await write(ctx, result, "EcrRegistryScanning", perAccountKey(), [
      { scanType: scanning.scanType, rules: json(scanning.rules) },
    ]);
    const repositories = buffered(ctx, result, "EcrRepository", perAccountKey("name"));
    const imageRows = buffered(ctx, result, "EcrImage", perAccountKey("repositoryName", "digest"));
    const findingRows = buffered(
      ctx,
      result,
      "EcrFinding",
      perAccountKey("repositoryName", "imageDigest", "name", "packageName", "packageVersion"),
    );
    for await (const { repository, images, findings } of ecrInventory(ctx.fetch)) {
      await repositories.add([
        {
          name: repository.name,
          arn: repository.arn,
          uri: repository.uri,
          scanOnPush: repository.scanOnPush,
          tagMutability: repository.imageTagMutability,
          createdAtAws: iso(repository.createdAt),
        },
      ]);
      await imageRows.add(
        images.map((i) => ({
          repositoryName: i.repositoryName,
          digest: i.digest,
          tags: i.tags,
          pushedAt: iso(i.pushedAt),
          lastPulledAt: iso(i.lastRecordedPullTime),
          scanStatus: i.scanStatus,
          severityCounts: json(i.findingSeverityCounts),
        })),
      );
      await findingRows.add(
        findings.map((f) => ({
          repositoryName: f.repositoryName,
          imageDigest: f.imageDigest,
          name: f.name,
          severity: f.severity,
          packageName: f.packageName,
          packageVersion: f.packageVersion ?? "",
          uri: f.uri,
          firstObservedAt: iso(f.firstObservedAt),
        })),
      );
    }
    for (const rows of [repositories, imageRows, findingRows]) await rows.flush();
    // Each account lists its own Inspector findings, so a delegated administrator's wider view
    // never stores another account's findings twice.
    for await (const page of inspectorFindings(ctx.fetch, { accountIds: [ctx.account.accountId] })) {
      addCounts(
        result,
        await upsertRows(
          "InspectorFinding",
          ["awsAccountRef", "findingArn"],
          page.map((f) => ({
            awsAccountRef: ctx.account.ref,
            findingArn: f.findingArn,
            accountId: f.awsAccountId,
            type: f.type,
            title: f.title,
            severity: f.severity,
            status: f.status,
            resourceType: f.resourceType,
            resourceId: f.resourceId,
            vulnerabilityId: f.vulnerabilityId,
            packageName: f.packageName,
            fixAvailable: f.fixAvailable,
            firstObservedAt: iso(f.firstObservedAt),
            lastObservedAt: iso(f.lastObservedAt),
            updatedAtAws: iso(f.updatedAt),
          })),
          ctx.runId,
        ),
      );
    }
    await clean(ctx, result, ["EcrRegistryScanning", "EcrRepository", "EcrImage", "EcrFinding"]);
    result.deleted += await deleteUnseen("InspectorFinding", { awsAccountRef: ctx.account.ref }, ctx.runId);
    return result;
  },
};

export const chaosRunner: SourceRunner = {
  name: "chaos",
  service: "fis",
  organizationWide: false,
  async run(ctx) {
    const result = emptyResult();
    const templates = await fetchFisTemplates(ctx.fetch);
    await write(
      ctx,
      result,
      "FisTemplate",
      perAccountKey("templateId"),
      templates.map((t) => ({
        templateId: t.id,
        description: t.description,
        targets: json(t.targets),
        actions: json(t.actions),
        stopConditions: json(t.stopConditions),
        hasStopConditions: t.hasStopConditions,
        tags: json(t.tags),
        createdAtAws: iso(t.creationTime),
      })),
    );
    const experiments = buffered(ctx, result, "FisExperiment", perAccountKey("experimentId"));
    const stored = await storedExperiments(ctx);
    for await (const page of fisExperiments(ctx.fetch, { known: stored.known })) {
      await experiments.add(page.unchanged.map(stored.rowOf));
      await experiments.add(
        page.records.map((e) => ({
          experimentId: e.id,
          templateId: e.templateId ?? "",
          status: e.status,
          reason: e.reason,
          startTime: iso(e.startTime),
          endTime: iso(e.endTime),
          actions: json(e.actions),
          tags: json(e.tags),
        })),
      );
    }
    await experiments.flush();
    await clean(ctx, result, ["FisTemplate", "FisExperiment"]);
    return result;
  },
};

export const incidentsRunner: SourceRunner = {
  name: "incidents",
  service: "cloudWatch",
  organizationWide: false,
  async run(ctx) {
    const result = emptyResult();
    const environment = await accountEnvironment(ctx);
    const alarms: AlarmRecord[] = [];
    for await (const page of cloudWatchAlarms(ctx.fetch)) alarms.push(...page);
    await write(
      ctx,
      result,
      "CloudWatchAlarm",
      perAccountKey("arn"),
      alarms.map((a) => ({
        arn: a.arn,
        name: a.name,
        state: a.stateValue,
        stateUpdatedAt: iso(a.stateUpdatedAt),
        namespace: a.namespace,
        metricName: a.metricName,
        tags: json(a.tags),
      })),
    );
    await clean(ctx, result, ["CloudWatchAlarm"]);
    // Everything written from here on is an incident row.
    const before = writesIn(result);
    const history: AlarmStateChange[] = [];
    for await (const page of alarmHistory(ctx.fetch)) history.push(...page);
    const incidents = alarmHistoryToIncidents(alarms, history);
    addCounts(
      result,
      await upsertRows(
        "Incident",
        ["workspaceId", "source", "externalKey"],
        incidents.map((i) => ({
          workspaceId: ctx.account.workspaceId,
          awsAccountRef: ctx.account.ref,
          source: "cloudwatch",
          externalKey: `${i.alarmArn}@${i.startedAt.toISOString()}`,
          title: i.alarmName,
          accountId: i.accountId,
          service: i.service,
          environment,
          severity: i.severity,
          severityRank: i.severityRank,
          alarmArn: i.alarmArn,
          url: alarmConsoleUrl(i.region, i.alarmName),
          startedAt: i.startedAt.toISOString(),
          resolvedAt: iso(i.resolvedAt),
          durationSeconds: i.durationSeconds,
        })),
        ctx.runId,
      ),
    );
    result.deleted += await deleteUnseen("Incident", { awsAccountRef: ctx.account.ref, source: "cloudwatch" }, ctx.runId);
    // Incident Manager is optional: a role from an older template (or an account that does not use
    // it) leaves a permission gap and the alarms above stand.
    await unlessDenied(result, "ssm-incidents:ListIncidentRecords", () => syncIncidentManager(ctx, result, environment));
    // The same-incident rule, applied again around this account's rows when any changed.
    if (writesIn(result) > before) await mergeIncidentsAround(ctx.account.workspaceId, { awsAccountRef: ctx.account.ref });
    return result;
  },
};

// The stored deployments that had not finished, read by id, before the listing's pages.
async function* withUnfinished(ctx: SourceContext, ids: string[], pages: AsyncGenerator<DeploymentRecord[]>) {
  if (ids.length) yield await codeDeployDeploymentsById(ctx.fetch, ids);
  yield* pages;
}

export const deliveryRunner: SourceRunner = {
  name: "delivery",
  service: "codeDeploy",
  organizationWide: false,
  async run(ctx) {
    const result = emptyResult();
    const { deploymentGroups, deploymentConfigs } = await fetchCodeDeploy(ctx.fetch);
    const styleOf = new Map(deploymentConfigs.map((c) => [c.name, c.type]));
    await write(
      ctx,
      result,
      "DeploymentGroup",
      perAccountKey("applicationName", "groupName"),
      deploymentGroups.map((g) => ({
        applicationName: g.applicationName,
        groupName: g.groupName,
        deploymentConfig: g.deploymentConfigName ?? "",
        deploymentStyle: (g.deploymentConfigName && styleOf.get(g.deploymentConfigName)) ?? "unknown",
        computePlatform: g.computePlatform,
        autoRollbackEnabled: g.autoRollbackEnabled,
        autoRollbackEvents: g.autoRollbackEvents,
        alarmsEnabled: g.alarmsEnabled,
        alarms: g.alarms,
      })),
    );
    const deployments = buffered(ctx, result, "Deployment", perAccountKey("deploymentId"));
    const reads = await deploymentReads(ctx);
    const since = reads.kind === "since" ? reads.since : undefined;
    const pages = codeDeployDeployments(ctx.fetch, { since });
    for await (const page of reads.kind === "since" ? withUnfinished(ctx, reads.unfinished, pages) : pages) {
      await deployments.add(
        page.map((d) => ({
          deploymentId: d.id,
          applicationName: d.applicationName,
          groupName: d.groupName,
          status: d.status,
          deploymentConfig: d.deploymentConfigName,
          createdAtAws: iso(d.createTime),
          completedAt: iso(d.completeTime),
          rolledBack: d.rollbackInfo.rolledBack,
          errorCode: d.errorCode,
          commitSha: d.commitSha,
          creator: d.creator,
        })),
      );
    }
    await deployments.flush();
    if (!since) {
      await clean(ctx, result, ["DeploymentGroup", "Deployment"]);
    } else {
      // Only the days the listing re-read: older rows were not listed, so they are not stale.
      await clean(ctx, result, ["DeploymentGroup"]);
      const scope = { awsAccountRef: ctx.account.ref, region: regionOf(ctx.fetch) };
      const tomorrow = new Date(ctx.now.getTime() + 86_400_000).toISOString().slice(0, 10);
      const from = since.toISOString().slice(0, 10);
      result.deleted += await deleteUnseen("Deployment", scope, ctx.runId, { column: "createdAtAws", from, to: tomorrow });
    }
    return result;
  },
};

export const tracingRunner: SourceRunner = {
  name: "tracing",
  service: "xray",
  organizationWide: false,
  async run(ctx) {
    const result = emptyResult();
    const rules = await fetchSamplingRules(ctx.fetch);
    await write(
      ctx,
      result,
      "XraySamplingRule",
      perAccountKey("ruleName"),
      rules.map((r) => ({
        ruleName: r.ruleName,
        ruleArn: r.ruleArn,
        priority: r.priority,
        fixedRate: String(r.fixedRate),
        reservoirSize: r.reservoirSize,
        serviceName: r.serviceName,
        host: r.host,
      })),
    );
    const { clusters, addons } = await fetchEksClusters(ctx.fetch);
    await write(
      ctx,
      result,
      "EksCluster",
      perAccountKey("name"),
      clusters.map((c) => ({
        name: c.name,
        arn: c.arn,
        version: c.version,
        status: c.status,
        tags: json(c.tags),
        createdAtAws: iso(c.createdAt),
      })),
    );
    await write(
      ctx,
      result,
      "EksAddon",
      perAccountKey("clusterName", "addonName"),
      addons.map((a) => ({ clusterName: a.clusterName, addonName: a.addonName, version: a.addonVersion, status: a.status })),
    );
    await clean(ctx, result, ["XraySamplingRule", "EksCluster", "EksAddon"]);
    return result;
  },
};
