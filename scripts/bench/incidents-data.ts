import type pg from "pg";

// The incidents benchmark's organisation, written with generate_series: 1,000 accounts (even ones
// prod, odd ones staging), two years, 2,000,000 CodeDeploy deployments over two groups an account
// (the API group moves from all-at-once to canary a year ago; 1 in 50 started by autoscaling),
// 200,000 incident rows (180,000 alarm episodes and 20,000 PagerDuty pages of them, 3 minutes
// later, which the same-incident rule merges) and 5,000 FIS experiments.

const DAY = "interval '1 day'";

export async function writeIncidentRows(client: pg.Client, workspaceId: string, accounts: number, now: Date) {
  await client.query(
    `INSERT INTO "AwsAccount" (id, "workspaceId", kind, "externalId", "accountId", status, environment, "ouPath", "updatedAt")
     SELECT 'bench-' || n, $1, 'account', repeat('e', 40), lpad(n::text, 12, '0'), 'connected',
            CASE WHEN n % 2 = 0 THEN 'prod' ELSE 'staging' END::"Environment",
            CASE WHEN n % 2 = 0 THEN '/Workloads/Prod' ELSE '/Workloads/Staging' END, now()
       FROM generate_series(0, $2 - 1) n`,
    [workspaceId, accounts],
  );
  await client.query(
    `INSERT INTO "CloudWatchAlarm" (id, "awsAccountRef", region, arn, name, state, tags)
     SELECT 'bench-al-' || n, 'bench-' || n, 'us-east-1', 'arn:aws:cloudwatch:us-east-1:' || lpad(n::text, 12, '0') || ':alarm:svc-' || n || '-5xx',
            'svc-' || n || '-5xx', 'OK', jsonb_build_object('service', 'svc-' || n)
       FROM generate_series(0, $1 - 1) n`,
    [accounts],
  );
  await client.query(
    `INSERT INTO "DeploymentGroup" (id, "awsAccountRef", region, "applicationName", "groupName", "deploymentConfig", "deploymentStyle",
                                    "autoRollbackEnabled", "autoRollbackEvents", "alarmsEnabled", alarms)
     SELECT 'bench-g-' || n || '-' || c, 'bench-' || n, 'us-east-1', 'svc-' || n || '-' || c, 'svc-' || n || '-' || c || '-prod',
            'CodeDeployDefault.ECSCanary10Percent5Minutes', 'canary', true, ARRAY['DEPLOYMENT_FAILURE'], true, ARRAY['svc-' || n || '-5xx']
       FROM generate_series(0, $1 - 1) n CROSS JOIN unnest(ARRAY['api', 'worker']) c`,
    [accounts],
  );
  // Deployment k: account k % accounts, group (k / accounts) % 2, spread evenly over two years.
  await client.query(
    `INSERT INTO "Deployment" (id, "awsAccountRef", region, "deploymentId", "applicationName", "groupName", status, "deploymentConfig",
                               "createdAtAws", "completedAt", "rolledBack", creator)
     SELECT 'bench-d-' || k, 'bench-' || a, 'us-east-1', 'd-' || k, 'svc-' || a || '-' || c, 'svc-' || a || '-' || c || '-prod',
            CASE WHEN k % 20 = 0 THEN 'Failed' WHEN k % 20 = 1 THEN 'Stopped' ELSE 'Succeeded' END,
            CASE WHEN c = 'api' AND t > $2::timestamp - 365 * ${DAY} THEN 'CodeDeployDefault.ECSCanary10Percent5Minutes'
                 ELSE 'CodeDeployDefault.ECSAllAtOnce' END,
            t, t + interval '6 minutes', k % 20 = 1, CASE WHEN k % 50 = 7 THEN 'autoscaling' ELSE 'user' END
       FROM generate_series(0, $1 - 1) k,
            LATERAL (SELECT k % $3 AS a, CASE WHEN (k / $3) % 2 = 0 THEN 'api' ELSE 'worker' END AS c,
                            $2::timestamp - 730 * ${DAY} + (k::float8 / $1) * 730 * ${DAY} AS t) x`,
    [2_000_000, now, accounts],
  );
  await client.query(
    `INSERT INTO "Incident" (id, "workspaceId", "awsAccountRef", source, "externalKey", title, "accountId", service, "severityRank",
                             "startedAt", "resolvedAt", "durationSeconds", "alarmArn")
     SELECT 'bench-i-' || k, $1, 'bench-' || a, 'cloudwatch', 'alarm-' || k, 'svc-' || a || '-5xx', lpad(a::text, 12, '0'), 'svc-' || a,
            1 + k % 5, t, CASE WHEN k % 500 = 0 THEN NULL ELSE t + (5 + k % 240) * interval '1 minute' END, (5 + k % 240) * 60,
            'arn:aws:cloudwatch:us-east-1:' || lpad(a::text, 12, '0') || ':alarm:svc-' || a || '-5xx'
       FROM generate_series(0, 180000 - 1) k,
            LATERAL (SELECT (k * 7) % $3 AS a, $2::timestamp - 730 * ${DAY} + (k::float8 / 180000) * 730 * ${DAY} AS t) x`,
    [workspaceId, now, accounts],
  );
  await client.query(
    `INSERT INTO "Incident" (id, "workspaceId", source, "externalKey", title, "accountId", service, "severityRank", "startedAt", "resolvedAt")
     SELECT 'bench-p-' || i.k, $1, 'pagerduty', 'page-' || i.k, i.title, i."accountId", i.service, i."severityRank",
            i."startedAt" + interval '3 minutes', i."resolvedAt"
       FROM (SELECT substr(id, 9)::int AS k, * FROM "Incident" WHERE "workspaceId" = $1 AND source = 'cloudwatch') i
      WHERE i.k % 9 = 0 LIMIT 20000`,
    [workspaceId],
  );
  await client.query(
    `INSERT INTO "FisExperiment" (id, "awsAccountRef", region, "experimentId", "templateId", status, "startTime", "endTime", tags)
     SELECT 'bench-x-' || k, 'bench-' || (k % $1), 'us-east-1', 'EXP' || k, 'EXT' || (k % 10),
            CASE WHEN k % 10 = 0 THEN 'stopped' ELSE 'completed' END, t, t + interval '20 minutes',
            jsonb_build_object('service', 'svc-' || (k % $1))
       FROM generate_series(0, 5000 - 1) k, LATERAL (SELECT $2::timestamp - 730 * ${DAY} + (k::float8 / 5000) * 730 * ${DAY} AS t) x`,
    [accounts, now],
  );
}
