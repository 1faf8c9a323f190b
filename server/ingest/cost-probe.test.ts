import { describe, expect, it } from "vitest";
import { roleCredentials, sessionNameFor } from "~/server/aws/credentials";
import { db } from "~/server/db";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { workspaceWithDemoOrganization } from "~/server/test/sync-helpers";
import { costRunner, costSeries } from "./runners/cost";

// Decision 0007: a closed month is read whole when it closes, then only probed (one MONTHLY
// request without groups) while Cost Explorer flags it Estimated, then read whole once more the
// day it is final, and never again. The simulator's today is fixed and its "last month final"
// switch picks either side of the day AWS finalises October's bill.

const today = new Date("2026-11-20T00:00:00Z");
const sim = useAwsSimulator({ demoRoles: false, today });
const SERIES = costSeries.filter((s) => s.reads === "plan").length;
const OCTOBER = new Date("2026-10-01T00:00:00Z");

describe("last month's Cost Explorer figures", () => {
  it("are read when the month closes, probed while estimated, and read once more when final", async () => {
    const ws = await workspaceWithDemoOrganization(sim.current, "Cost probe");
    const payer = await db.awsAccount.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, kind: "organization" } });
    // Last synced on October 31st: October was then the current month.
    await db.costReadMark.create({
      data: { awsAccountRef: payer.id, finalBefore: OCTOBER, readAt: new Date("2026-10-31T09:00:00Z") },
    });
    const timeline = sim.current.state.data.costs.timeline;
    const credentials = roleCredentials({
      roleArn: payer.roleArn!,
      externalId: payer.externalId,
      sessionName: sessionNameFor("sync", ws.slug),
    });
    let run = 0;
    async function sync(hour: number) {
      let costAndUsage = 0;
      await costRunner.run({
        runId: `probe-run-${++run}`,
        account: {
          ref: payer.id,
          accountId: payer.accountId!,
          kind: "organization",
          organizationRefId: null,
          workspaceId: ws.workspace.id,
        },
        fetch: {
          credentials,
          accountId: payer.accountId!,
          onRequest: (_service, operation) => (costAndUsage += operation === "GetCostAndUsage" ? 1 : 0),
        },
        lastSucceededAt: null,
        now: new Date(today.getTime() + hour * 3_600_000),
      });
      return costAndUsage;
    }
    const october = () =>
      db.ec2CostDaily.findMany({
        where: { awsAccountRef: payer.id, day: OCTOBER },
        orderBy: [{ accountId: "asc" }, { instanceType: "asc" }, { purchaseType: "asc" }],
      });
    const mark = () => db.costReadMark.findUniqueOrThrow({ where: { awsAccountRef: payer.id } });
    // A stored October figure that differs from Cost Explorer's shows whether October was read again.
    const alter = () =>
      db.$executeRaw`UPDATE "Ec2CostDaily" SET amortized = amortized + 1 WHERE "awsAccountRef" = ${payer.id} AND day = ${OCTOBER}`;

    // October has closed: read whole, by month, flagged estimated; no probe.
    timeline.lastMonthFinal = false;
    expect(await sync(9)).toBe(SERIES);
    const closed = await october();
    expect(closed.length).toBeGreaterThan(10);
    expect(closed.every((r) => r.estimated)).toBe(true);
    expect((await mark()).finalBefore).toEqual(OCTOBER);

    // Still estimated: one request more than the month to date, and October is not read again.
    await alter();
    expect(await sync(10)).toBe(SERIES + 1);
    const probed = await october();
    expect(probed.map((r) => r.amortized.toString())).toEqual(closed.map((r) => r.amortized.plus(1).toString()));
    expect(probed.every((r) => r.estimated)).toBe(true);
    expect((await mark()).finalBefore).toEqual(OCTOBER);

    // Final: the probe, then October read whole once more with the month to date, no longer estimated.
    timeline.lastMonthFinal = true;
    expect(await sync(11)).toBe(SERIES + 1);
    const final = await october();
    expect(final.map((r) => r.amortized.toString())).toEqual(closed.map((r) => r.amortized.toString()));
    expect(final.every((r) => !r.estimated)).toBe(true);
    expect((await mark()).finalBefore).toEqual(new Date("2026-11-01T00:00:00Z"));
    const november = await db.ec2CostDaily.findMany({ where: { awsAccountRef: payer.id, day: { gte: new Date("2026-11-01") } } });
    expect(november.length).toBeGreaterThan(0);
    expect(november.every((r) => r.estimated && r.day.getUTCDate() === 1)).toBe(true);

    // Never again: no probe, October untouched.
    await alter();
    expect(await sync(12)).toBe(SERIES);
    expect((await october()).map((r) => r.amortized.toString())).toEqual(closed.map((r) => r.amortized.plus(1).toString()));
  }, 60_000);
});
