import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { costWindow } from "~/server/aws/sources/cost-window";
import { roleCredentials, sessionNameFor } from "~/server/aws/credentials";
import { db } from "~/server/db";
import { loadCost } from "~/server/maturity/load/cost";
import { queryLimiter } from "~/server/maturity/load/sql";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { waitForRun, workspaceWithDemoOrganization } from "~/server/test/sync-helpers";
import { startSync } from "./runs.service";
import { costSeries, readCostSeries } from "./runners/cost";
import { emptyResult } from "./sources";
import { startWorker } from "./worker";

// Decision 0007: every cost series is read by month, the current one to date. The views must
// not notice. The reference is the old way, every series read by day for 13 months, written into
// the same tables under the same run: the FinOps page (a closed month, last month, the month to
// date, the 13-month trend), a drill-down's total and the maturity checks' cost evidence must be
// the same numbers to the last decimal. (The incident views read no cost rows.)

const sim = useAwsSimulator({ demoRoles: false });
let worker: Awaited<ReturnType<typeof startWorker>>;

beforeAll(async () => {
  worker = await startWorker({ concurrency: 4, pollingIntervalSeconds: 0.5 });
});
afterAll(() => worker.stop());

const COST_TABLES = ["CostDaily", "Ec2CostDaily", "NodePoolCostDaily"] as const;

async function rowCount(payerRef: string): Promise<number> {
  let total = 0;
  for (const table of COST_TABLES) {
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${table}" WHERE "awsAccountRef" = $1`,
      payerRef,
    );
    total += row!.n;
  }
  return total;
}

describe("incremental Cost Explorer reads", () => {
  it("give the FinOps and maturity views the numbers that reading every day gave", async () => {
    const ws = await workspaceWithDemoOrganization(sim.current, "Cost reads");
    const sync = async () =>
      waitForRun(
        ws.workspace.id,
        (
          await startSync({
            workspaceId: ws.workspace.id,
            actor: { userId: ws.owner.id },
            trigger: "manual",
            sources: ["organization", "cost"],
          })
        ).id,
        120_000,
      );
    const run = await sync();
    expect(run.status).toBe("succeeded");
    const payer = await db.awsAccount.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, kind: "organization" } });
    const now = new Date();
    const older = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 6, 1)).toISOString().slice(0, 7);

    async function viewNumbers() {
      const lastMonth = await ws.caller.finops.overview({ workspace: ws.slug });
      const account = lastMonth.byAccount[0]!;
      const drill = await ws.caller.finops.rows({ workspace: ws.slug, drill: account.drill, pageSize: 1 });
      const views = {
        lastMonth,
        closedMonth: await ws.caller.finops.overview({ workspace: ws.slug, period: older }),
        monthToDate: await ws.caller.finops.overview({ workspace: ws.slug, period: "mtd" }),
        drillSum: drill.sum,
        maturity: await loadCost(ws.workspace.id, now, queryLimiter(4)),
      };
      // List prices are shared by every workspace: another test file's sync may fetch them again
      // meanwhile. Their time is not one of the numbers compared.
      return JSON.parse(JSON.stringify(views), (key, value: unknown) => (key === "pricesFetchedAt" ? "(any)" : value)) as unknown;
    }
    const incremental = (await viewNumbers()) as {
      lastMonth: { trend: unknown[] };
      maturity: { ec2Months: unknown[]; computeSpends: unknown[] };
    };
    const storedIncrementally = await rowCount(payer.id);
    expect(incremental.lastMonth.trend.length).toBe(13);
    expect(incremental.maturity.ec2Months.length).toBeGreaterThan(0);
    expect(incremental.maturity.computeSpends.length).toBeGreaterThan(0);

    // The old way, in the same run: every series by day over the 13 months Cost Explorer keeps.
    for (const table of COST_TABLES) await db.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "awsAccountRef" = $1`, payer.id);
    const everyDay = costWindow({ now, lastSyncedAt: null });
    await readCostSeries(
      {
        runId: run.id,
        account: {
          ref: payer.id,
          accountId: payer.accountId!,
          kind: "organization",
          organizationRefId: null,
          workspaceId: ws.workspace.id,
        },
        fetch: {
          credentials: roleCredentials({
            roleArn: payer.roleArn!,
            externalId: payer.externalId,
            sessionName: sessionNameFor("sync", ws.slug),
          }),
          accountId: payer.accountId!,
        },
        lastSucceededAt: null,
        now,
      },
      costSeries.map((series) => ({ series, read: { window: everyDay, options: { granularity: "DAILY" as const } } })),
      emptyResult(),
    );
    expect(await rowCount(payer.id)).toBeGreaterThan(5 * storedIncrementally);
    expect(await viewNumbers()).toEqual(incremental);
  }, 240_000);
});
