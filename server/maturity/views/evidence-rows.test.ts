import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { workspaceWithOwner } from "~/server/test/fixtures";

// A failing check's evidence rows say which field decided the result and what it held, and when
// a sync last saw each row, so a reader does not have to guess from a table of fields.

const PROD = "210987654321";

describe("evidence rows of a result", () => {
  it("carry the deciding field and value of a failing check, and when a sync last saw them", async () => {
    const { caller, slug, workspace } = await workspaceWithOwner("Evidence");
    const account = await db.awsAccount.create({
      data: {
        workspaceId: workspace.id,
        kind: "account",
        externalId: "e".repeat(40),
        accountId: PROD,
        name: "shop-prod",
        roleArn: `arn:aws:iam::${PROD}:role/LadderReadOnly`,
        status: "connected",
        environment: "prod",
      },
    });
    const finishedAt = new Date(Date.now() - 3_600_000);
    const run = await db.syncRun.create({
      data: { workspaceId: workspace.id, trigger: "manual", status: "succeeded", startedAt: finishedAt, finishedAt },
    });
    await db.syncTask.create({
      data: {
        runId: run.id,
        workspaceId: workspace.id,
        awsAccountRef: account.id,
        accountId: PROD,
        source: "delivery",
        status: "succeeded",
        finishedAt,
      },
    });
    const group = (groupName: string, deploymentStyle: string) =>
      db.deploymentGroup.create({
        data: {
          awsAccountRef: account.id,
          region: "eu-west-1",
          applicationName: "shop",
          groupName,
          deploymentConfig:
            deploymentStyle === "canary" ? "CodeDeployDefault.ECSCanary10Percent5Minutes" : "CodeDeployDefault.AllAtOnce",
          deploymentStyle,
          autoRollbackEnabled: true,
          autoRollbackEvents: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"],
          alarmsEnabled: true,
          alarms: ["shop-5xx"],
          lastSeenRunId: run.id,
        },
      });
    const sudden = await group("web-prod", "all-at-once");
    await group("api-prod", "canary");
    await caller.maturity.evaluate({ workspace: slug });

    const detail = await caller.maturity.result({ workspace: slug, accountId: PROD, checkId: "gradual-traffic-shift" });
    expect(detail.result.status).toBe("fail");
    expect(detail.evidence).toEqual([
      expect.objectContaining({
        id: sudden.id,
        kind: "DeploymentGroup",
        observedAt: finishedAt,
        decisive: [{ field: "deploymentStyle", value: "all-at-once" }],
        fields: expect.objectContaining({ deploymentStyle: "all-at-once" }),
      }),
    ]);

    // A passing check names no deciding field, but its rows still say when they were seen.
    const alarms = await caller.maturity.result({ workspace: slug, accountId: PROD, checkId: "deployment-alarms-attached" });
    expect(alarms.result.status).toBe("pass");
    expect(alarms.evidence).toHaveLength(2);
    for (const row of alarms.evidence) expect(row).toMatchObject({ observedAt: finishedAt, decisive: [] });
  });
});
