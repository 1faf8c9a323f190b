// The FinOps overview API against the raw SQL of the same aggregates, in this process, on
// 1,000 accounts × 13 months of daily EC2 rows in each Cost Explorer grouping (the volume
// bench:ingest writes): for one month (the account-month figures) and for 13 months (the page).
// Run by scripts/bench/finops.ts (npm run bench:finops) in a fresh database.
import pg from "pg";
import { computeRange } from "~/server/finops/compute";
import { finopsOverview } from "~/server/finops/overview";
import { addMonths, monthKey, monthStart, startOfDay } from "~/server/finops/periods";
import { createLocalUser } from "~/server/users/users.service";
import { createWorkspace } from "~/server/workspaces/workspaces.service";
import type { Figure } from "./report";

const RUNS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * One payer (the organisation), its accounts, and 13 months in the three EC2 groupings, stored as
 * a sync stores them (decision 0007): one row per closed month (n = its days), the last month by day.
 */
async function writeRows(client: pg.Client, workspaceId: string, accounts: number, from: Date, to: Date) {
  await client.query(
    `INSERT INTO "AwsAccount" (id, "workspaceId", kind, "externalId", "accountId", status, "updatedAt")
     SELECT 'bench-' || n, $1, CASE WHEN n = 0 THEN 'organization' ELSE 'account' END::"AwsConnectionKind",
            repeat('e', 40), lpad(n::text, 12, '0'), 'connected', now()
       FROM generate_series(0, $2) n`,
    [workspaceId, accounts - 1],
  );
  await writeCostRows(client, accounts, from, to);
}

/**
 * The daily rows of accounts 000000000000 … (accounts - 1), billed to the organisation connected
 * as AwsAccount 'bench-0' (which must exist): the EC2 groupings and the commitments.
 */
export async function writeCostRows(client: pg.Client, accounts: number, from: Date, to: Date) {
  const days = `generate_series($1::date, $2::date - 1, interval '1 day') d`;
  const periods = `(SELECT date_trunc('month', d)::date AS d, count(*) AS n FROM generate_series($1::date, $2::date - 1, interval '1 day') d
                     WHERE d < date_trunc('month', $2::date - 1) GROUP BY 1
                    UNION ALL
                    SELECT d::date, 1 FROM generate_series(date_trunc('month', $2::date - 1), $2::date - 1, interval '1 day') d) p`;
  await client.query(
    `INSERT INTO "Ec2CostDaily" ("awsAccountRef", day, "accountId", "instanceType", "purchaseType", unblended, amortized, "usageHours", estimated)
     SELECT 'bench-0', p.d, lpad(a::text, 12, '0'), t.instance, t.purchase, t.cost * p.n, t.cost * p.n, t.hours * p.n, false
       FROM ${periods} CROSS JOIN generate_series(0, $3) a
      CROSS JOIN (VALUES ('m5.xlarge', '*', 9.6, 50), ('m7g.xlarge', '*', 8.16, 50), ('c5.2xlarge', '*', 6.8, 20),
                         ('*', 'On Demand Instances', 14.56, 100), ('*', 'Spot Instances', 10, 20)) t(instance, purchase, cost, hours)`,
    [from, to, accounts - 1],
  );
  await client.query(
    `INSERT INTO "Ec2CostDaily" ("awsAccountRef", day, "accountId", "instanceType", "purchaseType", unblended, amortized, "usageHours", estimated)
     SELECT 'bench-0', p.d, '*', t.instance, t.purchase, t.cost * $3 * p.n, t.cost * $3 * p.n, t.hours * $3 * p.n, false
       FROM ${periods}
      CROSS JOIN (VALUES ('m5.xlarge', 'On Demand Instances', 4.6, 24), ('m5.xlarge', 'Spot Instances', 5, 26), ('m7g.xlarge', 'On Demand Instances', 8.16, 50),
                         ('c5.2xlarge', 'On Demand Instances', 1.8, 5.3), ('c5.2xlarge', 'Spot Instances', 5, 14.7)) t(instance, purchase, cost, hours)`,
    [from, to, accounts],
  );
  await client.query(
    `INSERT INTO "CommitmentDaily" (id, "awsAccountRef", day, kind, "accountId", "subscriptionId", hours, "unusedHours", commitment, used, unused, "netSavings")
     SELECT gen_random_uuid()::text, 'bench-0', d, k, '*', '*', 240, 96, 100, 60, 40, 10 FROM ${days}
      CROSS JOIN unnest(ARRAY['ri_utilization', 'sp_utilization']) k`,
    [from, to],
  );
}

/** The same aggregates as server/finops/load/cost-explorer.ts, straight from the driver. */
async function rawAggregates(client: pg.Client, from: Date, to: Date) {
  await Promise.all([
    client.query(
      `SELECT "awsAccountRef", "accountId", to_char(day, 'YYYY-MM'), "instanceType", "purchaseType", sum(amortized), sum("usageHours"), bool_or(estimated)
         FROM "Ec2CostDaily" WHERE "awsAccountRef" LIKE 'bench-%' AND day >= $1::date AND day < $2::date GROUP BY 1, 2, 3, 4, 5`,
      [from, to],
    ),
    client.query(
      `SELECT "awsAccountRef", to_char(day, 'YYYY-MM'), kind, sum(unused), sum("netSavings"), sum(hours), sum("unusedHours"), sum(commitment), sum(used)
         FROM "CommitmentDaily" WHERE "awsAccountRef" LIKE 'bench-%' AND "accountId" = '*' AND day >= $1::date AND day < $2::date GROUP BY 1, 2, 3`,
      [from, to],
    ),
  ]);
}

export async function benchFinopsApi(accounts = 1000): Promise<Figure[]> {
  const now = new Date();
  const lastMonth = monthStart(monthKey(addMonths(now, -1)));
  const from = addMonths(lastMonth, -12);
  const today = startOfDay(now);
  const user = await createLocalUser({ email: "bench-finops@example.test", name: "Bench", password: "benchmark-password" });
  const workspace = await createWorkspace({ userId: user.id, name: "Bench FinOps", slug: "bench-finops" });
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const written = await time(() => writeRows(client, workspace.id, accounts, from, today));
    await client.query(`ANALYZE "Ec2CostDaily"; ANALYZE "CommitmentDaily"`);
    console.log(`wrote ${accounts} accounts × 13 months of daily EC2 rows in ${(written / 1000).toFixed(1)} s`);
    const month = { workspaceId: workspace.id, from: lastMonth, to: addMonths(lastMonth, 1), now };
    const api1: number[] = [];
    const sql1: number[] = [];
    const api13: number[] = [];
    const sql13: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      api1.push(await time(() => computeRange(month)));
      sql1.push(await time(() => rawAggregates(client, month.from, month.to)));
      api13.push(await time(() => finopsOverview(workspace.id, {}, { now })));
      sql13.push(await time(() => rawAggregates(client, from, today)));
    }
    const [a1, s1, a13, s13] = [api1, sql1, api13, sql13].map(median) as [number, number, number, number];
    return [
      { name: "finops overview, one month (median)", value: a1, unit: "ms", goal: null },
      { name: "raw SQL of its aggregates, one month", value: s1, unit: "ms", goal: null },
      { name: "one month: API ÷ raw SQL", value: a1 / s1, unit: "ratio", goal: "<= 1.5" },
      { name: "finops overview, 13 months (median)", value: a13, unit: "ms", goal: null },
      { name: "raw SQL of its aggregates, 13 months", value: s13, unit: "ms", goal: null },
      { name: "13 months: API ÷ raw SQL", value: a13 / s13, unit: "ratio", goal: "<= 1.5" },
    ];
  } finally {
    await client.end();
  }
}
