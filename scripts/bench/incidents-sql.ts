import type pg from "pg";

// The raw SQL of the aggregates the incidents API computes, straight from the driver: what a
// hand-written report query would cost. Incidents are counted once as the API counts them: the rows
// the same-incident rule merged into another when they were written are left out.

/** One client runs one query at a time: queued, as a report would run them. */
async function inSequence(queries: Array<() => Promise<unknown>>) {
  for (const query of queries) await query();
}

const DEPLOYMENTS = `SELECT a."accountId", COALESCE(gs.service, d."applicationName") AS service, d."completedAt" AS t,
         d.status, d."rolledBack", d."applicationName" || '/' || d."groupName" AS "group", d."deploymentConfig"
    FROM "Deployment" d JOIN "AwsAccount" a ON a.id = d."awsAccountRef"
    LEFT JOIN (SELECT g."awsAccountRef", g."applicationName", g."groupName", min(al.tags->>'service') AS service
                 FROM "DeploymentGroup" g JOIN "CloudWatchAlarm" al ON al."awsAccountRef" = g."awsAccountRef" AND al.name = ANY(g.alarms)
                GROUP BY 1, 2, 3) gs
           ON gs."awsAccountRef" = d."awsAccountRef" AND gs."applicationName" = d."applicationName" AND gs."groupName" = d."groupName"
   WHERE a."workspaceId" = $1 AND d."createdAtAws" >= $2::timestamp - interval '2 days' AND d."completedAt" >= $2 AND d."completedAt" < $3
     AND d.creator <> 'autoscaling'`;

export async function rawTrends(client: pg.Client, workspaceId: string, from: Date, to: Date, now: Date) {
  await inSequence([
    () =>
      client.query(
        `SELECT date_trunc('month', "startedAt"), "severityRank", count(*),
              percentile_cont(0.5) WITHIN GROUP (ORDER BY "resolvedAt" - "startedAt"),
              percentile_cont(0.9) WITHIN GROUP (ORDER BY "resolvedAt" - "startedAt")
         FROM "Incident" WHERE "workspaceId" = $1 AND "startedAt" >= $2 AND "startedAt" < $3 AND "mergedInto" IS NULL GROUP BY 1, 2`,
        [workspaceId, from, to],
      ),
    () =>
      client.query(
        `SELECT date_trunc('month', t), count(*), count(*) FILTER (WHERE status <> 'Succeeded'), count(*) FILTER (WHERE "rolledBack")
         FROM (${DEPLOYMENTS}) d GROUP BY 1`,
        [workspaceId, from, to],
      ),
    () =>
      client.query(
        `SELECT date_trunc('month', x."startTime"), count(*), count(*) FILTER (WHERE x.status = 'stopped')
         FROM "FisExperiment" x JOIN "AwsAccount" a ON a.id = x."awsAccountRef"
        WHERE a."workspaceId" = $1 AND x."startTime" >= $2 AND x."startTime" < $3 GROUP BY 1`,
        [workspaceId, from, to],
      ),
    () =>
      client.query(
        `SELECT count(*) FROM "Incident" WHERE "workspaceId" = $1 AND "resolvedAt" IS NULL AND "startedAt" <= $2 AND "mergedInto" IS NULL`,
        [workspaceId, now],
      ),
  ]);
}

/**
 * Per account and per service: deployments, failed ones (status, or the latest deployment of the
 * service before an incident that started within 24 hours of it) and the median restore time.
 */
export async function rawDora(client: pg.Client, workspaceId: string, from: Date, to: Date) {
  const blamed = `WITH dep AS (${DEPLOYMENTS}),
    inc AS (SELECT "accountId", service, "startedAt" AS t, "resolvedAt" FROM "Incident"
             WHERE "workspaceId" = $1 AND "startedAt" >= $2 AND "startedAt" < $3 AND "mergedInto" IS NULL),
    ev AS (SELECT "accountId", service, t, status, "rolledBack", NULL::timestamp AS started, NULL::timestamp AS resolved FROM dep
           UNION ALL SELECT "accountId", service, t, NULL, NULL, t, "resolvedAt" FROM inc),
    last AS (SELECT *, max(t) FILTER (WHERE status IS NOT NULL)
                       OVER (PARTITION BY "accountId", service ORDER BY t ROWS UNBOUNDED PRECEDING) AS "lastDeployment" FROM ev)`;
  const per = (key: string) =>
    client.query(
      `${blamed}
       SELECT ${key}, count(*) FILTER (WHERE status IS NOT NULL) AS deployments,
              count(*) FILTER (WHERE status <> 'Succeeded') AS "failedByStatus",
              count(DISTINCT ("accountId", service, "lastDeployment")) FILTER (WHERE started IS NOT NULL AND started - "lastDeployment" <= interval '24 hours') AS "failedByIncident",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY resolved - started) AS restore
         FROM last GROUP BY ${key}`,
      [workspaceId, from, to],
    );
  await per(`"accountId"`);
  await per("service");
}

/**
 * Before and after a change on one account and service: deployments, failed ones (status, rollback,
 * or the latest deployment before an incident within 24 hours, as rawDora attributes them),
 * incidents and their median restore; and the change itself, a canary arrival, checked from its
 * group's deployments before it (its first gradual deployment after one that was not).
 */
export async function rawComparison(
  client: pg.Client,
  workspaceId: string,
  accountId: string,
  service: string,
  group: string,
  at: Date,
  days: number,
) {
  const from = new Date(at.getTime() - days * 86_400_000);
  const to = new Date(at.getTime() + days * 86_400_000);
  await inSequence([
    () =>
      client.query(
        `SELECT min(t) FILTER (WHERE "deploymentConfig" ~* 'canary|linear') AS arrival,
                min(t) FILTER (WHERE "deploymentConfig" !~* 'canary|linear') AS before
           FROM (${DEPLOYMENTS}) d WHERE "accountId" = $4 AND "group" = $5`,
        [workspaceId, new Date(from.getTime() - days * 86_400_000), new Date(at.getTime() + 1), accountId, group],
      ),
    () =>
      client.query(
        `WITH dep AS (SELECT * FROM (${DEPLOYMENTS}) d WHERE "accountId" = $5 AND service = $6),
           inc AS (SELECT "startedAt" AS t, "resolvedAt" FROM "Incident"
                    WHERE "workspaceId" = $1 AND "startedAt" >= $2 AND "startedAt" < $3::timestamp + interval '24 hours'
                      AND "accountId" = $5 AND service = $6 AND "mergedInto" IS NULL),
           ev AS (SELECT t, status, "rolledBack", NULL::timestamp AS started FROM dep
                  UNION ALL SELECT t, NULL, NULL, t FROM inc),
           last AS (SELECT *, max(t) FILTER (WHERE status IS NOT NULL) OVER (ORDER BY t ROWS UNBOUNDED PRECEDING) AS "lastDeployment" FROM ev),
           blamed AS (SELECT DISTINCT "lastDeployment" AS t FROM last WHERE started IS NOT NULL AND started - "lastDeployment" <= interval '24 hours')
         SELECT d.t >= $4 AS after, count(*),
                count(*) FILTER (WHERE d.status <> 'Succeeded' OR d."rolledBack" OR d.t IN (SELECT t FROM blamed)) AS failed
           FROM dep d GROUP BY 1`,
        [workspaceId, from, to, at, accountId, service],
      ),
    () =>
      client.query(
        `SELECT "startedAt" >= $4 AS after, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY "resolvedAt" - "startedAt")
         FROM "Incident" WHERE "workspaceId" = $1 AND "startedAt" >= $2 AND "startedAt" < $3 AND "accountId" = $5 AND service = $6
          AND "mergedInto" IS NULL GROUP BY 1`,
        [workspaceId, from, to, at, accountId, service],
      ),
  ]);
}
