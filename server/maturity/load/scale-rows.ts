import { db } from "~/server/db";

// A synced workspace of 1,000 accounts written straight into Postgres with generate_series, as
// a year of daily syncs would leave it: 30 runs of tasks kept, daily EC2 cost in every grouping
// (at full volume 13 months, about two million rows), deployments, a year of incidents, and the
// per-account inventory the other sources keep. Values are plain; only the volume matters.

export const SCALE_ACCOUNTS = 1000;
const RUNS = 30;

/**
 * Days of daily cost and of deployments. The loader reads one month of cost through the
 * (payer, day) index and 90 days of deployments, so older rows change what it reads only through
 * the index; the full volume (13 months, a year) takes minutes to write on a small machine.
 */
export interface ScaleVolume {
  costDays: number;
  deploymentDays: number;
}
export const FULL_VOLUME: ScaleVolume = { costDays: 395, deploymentDays: 365 };
export const QUICK_VOLUME: ScaleVolume = { costDays: 65, deploymentDays: 120 };

const statements = ({ costDays, deploymentDays }: ScaleVolume) => [
  `INSERT INTO "AwsOrganization" (id, "workspaceId", "organizationId", "managementAccountId", "memberRoleName", "updatedAt")
   VALUES ($1 || '-org', $1, 'o-scale', '100000000000', 'LadderReadOnly', now())`,
  `INSERT INTO "AwsAccount" (id, "workspaceId", kind, "accountId", name, "externalId", status, environment, "ouPath",
                             "organizationRefId", "updatedAt")
   SELECT $1 || '-a' || i, $1, CASE WHEN i = 0 THEN 'organization' ELSE 'account' END::"AwsConnectionKind",
          (100000000000 + i)::text, 'account-' || i, 'external-id', 'connected'::"AwsAccountStatus",
          (ARRAY['prod', 'staging', 'sandbox'])[1 + i % 3]::"Environment",
          (ARRAY['/Workloads/Prod', '/Workloads/Staging', '/Sandbox'])[1 + i % 3], $1 || '-org', now()
     FROM generate_series(0, ${SCALE_ACCOUNTS - 1}) i`,
  `INSERT INTO "SyncRun" (id, "workspaceId", status, trigger, "createdAt", "startedAt", "finishedAt")
   SELECT $1 || '-run' || d, $1, 'succeeded'::"SyncStatus", 'schedule', now() - d * interval '1 day', now() - d * interval '1 day',
          now() - d * interval '1 day' + interval '20 minutes'
     FROM generate_series(0, ${RUNS - 1}) d`,
  `INSERT INTO "SyncTask" (id, "runId", "workspaceId", "awsAccountRef", "accountId", source, status, "startedAt", "finishedAt")
   SELECT gen_random_uuid()::text, r.id, $1, a.id, a."accountId", s, 'succeeded'::"TaskStatus", r."startedAt", r."finishedAt"
     FROM "SyncRun" r JOIN "AwsAccount" a ON a."workspaceId" = r."workspaceId"
    CROSS JOIN unnest(ARRAY['scans', 'chaos', 'incidents', 'delivery', 'tracing', 'organization', 'cost']) s
    WHERE r."workspaceId" = $1 AND (a.kind = 'organization' OR s NOT IN ('organization', 'cost'))`,
  `INSERT INTO "OrgUnit" (id, "organizationRefId", "ouId", name, "parentId", path, "lastSeenRunId", "updatedAt")
   SELECT $1 || '-ou' || n, $1 || '-org', 'ou-' || n, name, CASE WHEN n IN (2, 3) THEN 'ou-1' ELSE 'r-root' END, path, $1 || '-run0', now()
     FROM (VALUES (1, 'Workloads', '/Workloads'), (2, 'Prod', '/Workloads/Prod'), (3, 'Staging', '/Workloads/Staging'),
                  (4, 'Sandbox', '/Sandbox')) u(n, name, path)`,
  `INSERT INTO "OrgMember" (id, "organizationRefId", "accountId", name, email, status, "parentId", "ouPath", "lastSeenRunId", "updatedAt")
   SELECT gen_random_uuid()::text, $1 || '-org', a."accountId", a.name, a.name || '@example.test', 'ACTIVE',
          (ARRAY['ou-2', 'ou-3', 'ou-4'])[1 + i % 3], a."ouPath", $1 || '-run0', now()
     FROM generate_series(0, ${SCALE_ACCOUNTS - 1}) i JOIN "AwsAccount" a ON a.id = $1 || '-a' || i`,
  `INSERT INTO "Scp" (id, "organizationRefId", "policyId", name, description, "awsManaged", content, targets, "lastSeenRunId", "updatedAt")
   SELECT $1 || '-scp' || n, $1 || '-org', 'p-' || n, 'Policy' || n, '', false,
          '{"Statement":[{"Effect":"Deny","Action":"cloudtrail:StopLogging","Resource":"*"}]}'::jsonb,
          '[{"targetId":"r-root","type":"ROOT"}]'::jsonb, $1 || '-run0', now()
     FROM generate_series(1, 5) n`,
  `INSERT INTO "AwsTrail" (id, "awsAccountRef", arn, name, "homeRegion", "isOrganizationTrail", "isMultiRegion",
                           "logFileValidation", "isLogging", "lastSeenRunId", "updatedAt")
   VALUES ($1 || '-trail', $1 || '-a0', 'arn:trail', 'org-trail', 'us-east-1', true, true, true, true, $1 || '-run0', now())`,
  // Each Cost Explorer grouping, as the cost runner writes it: account × instance type,
  // account × purchase type, and the organisation-wide instance × purchase type.
  `INSERT INTO "Ec2CostDaily" ("awsAccountRef", day, "accountId", "instanceType", "purchaseType", unblended, amortized,
                               "usageHours", estimated, "lastSeenRunId")
   SELECT $1 || '-a0', current_date - d, a."accountId", t.instance, t.purchase, 10, 10, 5, false,
          $1 || '-run' || CASE WHEN d < 60 THEN 0 ELSE 29 END
     FROM generate_series(1, ${costDays}) d
    CROSS JOIN "AwsAccount" a
    CROSS JOIN (VALUES ('m5.xlarge', '*'), ('m7g.xlarge', '*'), ('c7g.2xlarge', '*'), ('*', 'On Demand Instances'),
                       ('*', 'Spot Instances')) t(instance, purchase)
    WHERE a."workspaceId" = $1`,
  `INSERT INTO "NodePoolCostDaily" ("awsAccountRef", day, "accountId", "nodePool", "purchaseType", unblended, amortized,
                                    estimated, "lastSeenRunId")
   SELECT $1 || '-a0', current_date - d, a."accountId", pool, '*', 10, 10, false, $1 || '-run0'
     FROM generate_series(1, ${costDays}) d CROSS JOIN "AwsAccount" a CROSS JOIN unnest(ARRAY['', 'default']) pool
    WHERE a."workspaceId" = $1`,
  `INSERT INTO "CommitmentDaily" (id, "awsAccountRef", day, kind, "accountId", "subscriptionId", percentage, hours,
                                  "unusedHours", commitment, used, unused, "lastSeenRunId")
   SELECT gen_random_uuid()::text, $1 || '-a0', current_date - d, k, '*', '*', 60, 240, 96, 100, 60, 40, $1 || '-run0'
     FROM generate_series(1, ${costDays}) d CROSS JOIN unnest(ARRAY['ri_utilization', 'sp_utilization']) k`,
  `INSERT INTO "EcrRepository" (id, "awsAccountRef", region, name, arn, uri, "scanOnPush", "lastSeenRunId")
   SELECT gen_random_uuid()::text, a.id, 'us-east-1', 'repo-' || n, 'arn', 'uri', n <> 3, $1 || '-run0'
     FROM "AwsAccount" a CROSS JOIN generate_series(1, 3) n WHERE a."workspaceId" = $1`,
  `INSERT INTO "EcrImage" (id, "awsAccountRef", region, "repositoryName", digest, tags, "pushedAt", "lastPulledAt", "scanStatus",
                           "lastSeenRunId")
   SELECT gen_random_uuid()::text, a.id, 'us-east-1', 'repo-' || (1 + n % 3), 'sha256:' || n, ARRAY['v' || n],
          now() - n * interval '3 days', now() - interval '1 day', 'COMPLETE', $1 || '-run0'
     FROM "AwsAccount" a CROSS JOIN generate_series(1, 12) n WHERE a."workspaceId" = $1`,
  `INSERT INTO "EcrFinding" (id, "awsAccountRef", region, "repositoryName", "imageDigest", name, severity, "packageName",
                             "packageVersion", "lastSeenRunId")
   SELECT gen_random_uuid()::text, a.id, 'us-east-1', 'repo-1', 'sha256:' || (1 + n % 12), 'CVE-' || n,
          (ARRAY['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'LOW'])[1 + n % 5], 'pkg', '1', $1 || '-run0'
     FROM "AwsAccount" a CROSS JOIN generate_series(1, 40) n WHERE a."workspaceId" = $1`,
  `INSERT INTO "InspectorFinding" (id, "awsAccountRef", "findingArn", "accountId", type, title, severity, status,
                                   "resourceId", "vulnerabilityId", "firstObservedAt", "lastSeenRunId")
   SELECT gen_random_uuid()::text, a.id, 'arn:finding/' || a.id || '/' || n, a."accountId", 'PACKAGE_VULNERABILITY', 'CVE',
          (ARRAY['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'LOW'])[1 + n % 5], (ARRAY['ACTIVE', 'CLOSED'])[1 + n % 2],
          'arn:image/sha256:' || (1 + n % 12), 'CVE-' || n, now() - n * interval '2 days', $1 || '-run0'
     FROM "AwsAccount" a CROSS JOIN generate_series(1, 60) n WHERE a."workspaceId" = $1`,
  `INSERT INTO "FisTemplate" (id, "awsAccountRef", region, "templateId", description, targets, actions, "stopConditions",
                              "hasStopConditions", "lastSeenRunId")
   SELECT gen_random_uuid()::text, a.id, 'us-east-1', 'EXT' || n, '', '{}'::jsonb, '{}'::jsonb, '[{"source":"none"}]'::jsonb, false, $1 || '-run0'
     FROM "AwsAccount" a CROSS JOIN generate_series(1, 3) n WHERE a."workspaceId" = $1`,
  `INSERT INTO "FisExperiment" (id, "awsAccountRef", region, "experimentId", "templateId", status, "startTime", "endTime", tags,
                                "lastSeenRunId")
   SELECT gen_random_uuid()::text, a.id, 'us-east-1', 'EXP' || n, 'EXT1', 'completed', now() - n * interval '6 days',
          now() - n * interval '6 days' + interval '20 minutes', '{"finding":"F-1","finding-status":"open"}'::jsonb, $1 || '-run0'
     FROM "AwsAccount" a CROSS JOIN generate_series(1, 20) n WHERE a."workspaceId" = $1`,
  `INSERT INTO "CloudWatchAlarm" (id, "awsAccountRef", region, arn, name, state, "lastSeenRunId")
   SELECT gen_random_uuid()::text, a.id, 'us-east-1', 'arn:alarm:' || n, 'alarm-' || n, 'OK', $1 || '-run0'
     FROM "AwsAccount" a CROSS JOIN generate_series(1, 3) n WHERE a."workspaceId" = $1`,
  `INSERT INTO "Incident" (id, "workspaceId", "awsAccountRef", source, "externalKey", title, "accountId", "startedAt",
                           "resolvedAt", "durationSeconds", "lastSeenRunId")
   SELECT gen_random_uuid()::text, $1, a.id, 'cloudwatch', a.id || '@' || n, 'alarm', a."accountId", now() - n * interval '1 day',
          now() - n * interval '1 day' + interval '30 minutes', 1800, $1 || '-run0'
     FROM "AwsAccount" a CROSS JOIN generate_series(1, 365, 7) n WHERE a."workspaceId" = $1`,
  `INSERT INTO "DeploymentGroup" (id, "awsAccountRef", region, "applicationName", "groupName", "deploymentConfig", "deploymentStyle",
                                  "autoRollbackEnabled", "autoRollbackEvents", "alarmsEnabled", alarms, "lastSeenRunId")
   SELECT gen_random_uuid()::text, a.id, 'us-east-1', 'app', 'group-' || n, 'Canary', 'canary', true,
          ARRAY['DEPLOYMENT_STOP_ON_ALARM'], true, ARRAY['alarm-1'], $1 || '-run0'
     FROM "AwsAccount" a CROSS JOIN generate_series(1, 2) n WHERE a."workspaceId" = $1`,
  `INSERT INTO "Deployment" (id, "awsAccountRef", region, "deploymentId", "applicationName", "groupName", status, "createdAtAws",
                             "lastSeenRunId")
   SELECT gen_random_uuid()::text, a.id, 'us-east-1', 'd-' || n, 'app', 'group-1',
          CASE WHEN n % 10 = 0 THEN 'Failed' ELSE 'Succeeded' END, now() - n * interval '1 day', $1 || '-run0'
     FROM "AwsAccount" a CROSS JOIN generate_series(1, ${deploymentDays}) n WHERE a."workspaceId" = $1`,
  `INSERT INTO "XraySamplingRule" (id, "awsAccountRef", region, "ruleName", priority, "fixedRate", "reservoirSize", "serviceName",
                                   "lastSeenRunId")
   SELECT gen_random_uuid()::text, a.id, 'us-east-1', rule, 100, 0.1, 1, '*', $1 || '-run0'
     FROM "AwsAccount" a CROSS JOIN unnest(ARRAY['Default', 'api']) rule WHERE a."workspaceId" = $1`,
  `INSERT INTO "EksCluster" (id, "awsAccountRef", region, name, arn, tags, "lastSeenRunId")
   SELECT gen_random_uuid()::text, a.id, 'us-east-1', 'cluster', 'arn', '{"gitops-controller":"argocd"}'::jsonb, $1 || '-run0'
     FROM "AwsAccount" a WHERE a."workspaceId" = $1`,
  `INSERT INTO "EksAddon" (id, "awsAccountRef", region, "clusterName", "addonName", status, "lastSeenRunId")
   SELECT gen_random_uuid()::text, a.id, 'us-east-1', 'cluster', addon, 'ACTIVE', $1 || '-run0'
     FROM "AwsAccount" a CROSS JOIN unnest(ARRAY['vpc-cni', 'coredns', 'kube-proxy', 'adot', 'aws-ebs-csi-driver']) addon
    WHERE a."workspaceId" = $1`,
  `INSERT INTO "Upload" (id, "workspaceId", kind, format, tool, "sizeBytes", repository, branch, commit, summary, "createdAt")
   SELECT gen_random_uuid()::text, $1, (ARRAY['checkov', 'trivy', 'sbom', 'incidents'])[1 + n % 4], 'sarif', 'tool', 100,
          'repo-' || n % 50, CASE WHEN n % 3 = 0 THEN 'main' ELSE 'feature' END, 'c' || n,
          '{"failed":1,"passed":2,"bySeverity":{"high":1}}'::jsonb, now() - (n % 120) * interval '1 day'
     FROM generate_series(1, 4000) n`,
];

const TABLES = [
  "AwsAccount",
  "SyncTask",
  "OrgMember",
  "Ec2CostDaily",
  "NodePoolCostDaily",
  "CommitmentDaily",
  "EcrImage",
  "EcrFinding",
  "InspectorFinding",
  "FisExperiment",
  "Incident",
  "Deployment",
  "Upload",
];

export async function writeScaleWorkspace(workspaceId: string, volume: ScaleVolume): Promise<void> {
  for (const sql of statements(volume)) await db.$executeRawUnsafe(sql, workspaceId);
  // A database that has been syncing for a year has statistics; a fresh test database has not.
  await db.$executeRawUnsafe(`ANALYZE ${TABLES.map((t) => `"${t}"`).join(", ")}`);
}
