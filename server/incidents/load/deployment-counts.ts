import { db } from "~/server/db";
import type { Scope } from "../scope";
import type { Bucket, TrendBucket } from "../types";
import { deploymentsRelation } from "./deployment-sql";

// Deployments per trend bucket (UTC month, or ISO week from Monday), counted in SQL: a year of an
// active organisation is a million deployments, and the trend needs only three counts of each bucket.

export type DeploymentCounts = Map<string, TrendBucket["deployments"]>;

export async function deploymentCounts(scope: Scope, bucket: Bucket): Promise<DeploymentCounts> {
  const unit = bucket === "week" ? "week" : "month";
  const rows = await db.$queryRaw<{ start: string; total: number; failed: number; rolledBack: number }[]>`
    SELECT to_char(b.start, 'YYYY-MM-DD') AS start, b.total, b.failed, b."rolledBack"
      FROM (SELECT date_trunc(${unit}, d."finishedAt") AS start, count(*)::int AS total,
                   (count(*) FILTER (WHERE d.status = 'failed'))::int AS failed,
                   (count(*) FILTER (WHERE d.status = 'rolled_back'))::int AS "rolledBack"
              FROM ${deploymentsRelation(scope, scope)} d
             GROUP BY 1) b`;
  return new Map(rows.map((r) => [r.start, { total: r.total, failed: r.failed, rolledBack: r.rolledBack }]));
}
