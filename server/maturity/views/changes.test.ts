import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { addMember, workspaceWithOwner } from "~/server/test/fixtures";
import { evaluateWorkspace } from "../evaluate";
import { evaluateAndStore } from "../evaluation.service";
import type { MaturityEvidence } from "../evidence";
import { sinceDayInput } from "../scope.schema";
import { writeSnapshot } from "../store/write-snapshot";
import { organizationEvidence, PROD_ACCOUNT, STAGING_ACCOUNT } from "../test-evidence";
import { utcDay } from "./evaluations";
import { overview } from "./overview";

// Golden cases for "what changed since" and the trend: which two evaluations are compared, the
// UTC day boundary, evaluations counted alike in both, and claims that change a result.

const DAY = "2026-05-15";
const at = (time: string, day = DAY) => new Date(`${day}T${time}Z`);
const YESTERDAY = "2026-05-14";
const TOMORROW = "2026-05-16";
const ALL = { all: true } as const;

async function store(workspaceId: string, evidence: MaturityEvidence, now: Date) {
  const evaluation = evaluateWorkspace(evidence, { now, scope: ALL });
  await writeSnapshot(evaluation, { workspaceId, trigger: "manual", durationMs: 1 });
}

function attested(evidence: MaturityEvidence, createdAt: Date): MaturityEvidence {
  return {
    ...evidence,
    attestations: [
      {
        id: "att-portal",
        checkId: "developer-portal",
        scope: { kind: "organization" },
        author: "Ada",
        evidenceUrl: "https://backstage.example.test",
        note: "Catalogue of all services",
        createdAt,
        expiresAt: new Date(createdAt.getTime() + 30 * 86_400_000),
      },
    ],
  };
}

function waived(evidence: MaturityEvidence, createdAt: Date, revokedAt: Date | null = null): MaturityEvidence {
  return {
    ...evidence,
    waivers: [
      {
        id: "waiver-trail",
        checkId: "org-trail-enabled",
        scope: { kind: "account", accountId: PROD_ACCOUNT },
        reason: "The organisation trail moves to the new log archive account this month.",
        requestedBy: "Eddie",
        approvedBy: "Ada",
        createdAt,
        expiresAt: null,
        revokedAt,
      },
    ],
  };
}

const portalChange = {
  checkId: "developer-portal",
  from: "no_data",
  fromWaived: false,
  to: "pass",
  toWaived: false,
  causes: ["attestation"],
  accountIds: expect.arrayContaining([PROD_ACCOUNT, STAGING_ACCOUNT]),
};

describe("what changed since a day, and the trend", () => {
  it("compares nothing when no evaluation ran before the day, and names the first one in range", async () => {
    const { workspace } = await workspaceWithOwner("No baseline");
    const evidence = organizationEvidence();
    await store(workspace.id, evidence, at("12:18:00"));
    await store(workspace.id, attested(evidence, at("12:40:00")), at("12:53:00"));

    const view = await overview(workspace.id, { now: at("13:00:00"), since: DAY, scope: ALL });
    expect(view.changes).toMatchObject({
      since: DAY,
      sinceStart: at("00:00:00"),
      baseline: null,
      latest: { evaluatedAt: at("12:53:00") },
      firstInRange: { evaluatedAt: at("12:18:00") },
      evaluations: 2,
      checks: [],
    });
  });

  it("compares the last evaluation before the day with the newest of several that day", async () => {
    const { workspace } = await workspaceWithOwner("Same day");
    const evidence = organizationEvidence();
    await store(workspace.id, evidence, at("22:00:00", YESTERDAY));
    await store(workspace.id, evidence, at("09:00:00"));
    await store(workspace.id, attested(evidence, at("11:00:00")), at("12:00:00"));
    await store(workspace.id, attested(evidence, at("11:00:00")), at("15:00:00"));

    const view = await overview(workspace.id, { now: at("16:00:00"), since: DAY, scope: ALL });
    expect(view.changes).toMatchObject({
      baseline: { evaluatedAt: at("22:00:00", YESTERDAY), levels: expect.objectContaining({ "platform-engineering": 0 }) },
      latest: { evaluatedAt: at("15:00:00") },
      firstInRange: { evaluatedAt: at("09:00:00") },
      evaluations: 3,
      checks: [expect.objectContaining(portalChange)],
    });
    expect(view.trend.points.map((p) => [p.day, p.evaluatedAt, p.evaluations])).toEqual([
      [YESTERDAY, at("22:00:00", YESTERDAY), 1],
      [DAY, at("15:00:00"), 3],
    ]);
  });

  it("counts every evaluation of a day, the same in the trend and in the panel", async () => {
    const { workspace } = await workspaceWithOwner("Counted");
    const evidence = organizationEvidence();
    for (const time of ["08:00:00", "12:18:00", "12:53:00"]) await store(workspace.id, evidence, at(time));

    const view = await overview(workspace.id, { now: at("13:00:00"), since: DAY, scope: ALL });
    expect(view.trend.evaluations).toBe(3);
    expect(view.changes?.evaluations).toBe(3);
    expect(view.trend.points).toEqual([expect.objectContaining({ day: DAY, evaluatedAt: at("12:53:00"), evaluations: 3 })]);
    expect(await db.maturitySnapshot.count({ where: { workspaceId: workspace.id } })).toBe(3);
  });

  it("shows a waiver that changes how a result counts as a change, and its end as another", async () => {
    const { workspace } = await workspaceWithOwner("Waived");
    const evidence = organizationEvidence();
    await store(workspace.id, evidence, at("10:00:00", YESTERDAY));
    await store(workspace.id, waived(evidence, at("09:00:00")), at("10:00:00"));
    const granted = await overview(workspace.id, { now: at("11:00:00"), since: DAY, scope: ALL });
    expect(granted.changes?.checks).toEqual([
      expect.objectContaining({
        checkId: "org-trail-enabled",
        from: "fail",
        fromWaived: false,
        to: "fail",
        toWaived: true,
        causes: ["waiver"],
        accountIds: [PROD_ACCOUNT],
      }),
    ]);

    await store(workspace.id, waived(evidence, at("09:00:00"), at("09:00:00", TOMORROW)), at("10:00:00", TOMORROW));
    const overTwoDays = await overview(workspace.id, { now: at("11:00:00", TOMORROW), since: DAY, scope: ALL });
    expect(overTwoDays.changes?.checks).toEqual([]);
    const view = await overview(workspace.id, { now: at("11:00:00", TOMORROW), since: TOMORROW, scope: ALL });
    expect(view.changes?.baseline?.evaluatedAt).toEqual(at("10:00:00"));
    expect(view.changes?.checks).toEqual([
      expect.objectContaining({
        checkId: "org-trail-enabled",
        from: "fail",
        fromWaived: true,
        to: "fail",
        toWaived: false,
        causes: ["waiver"],
        accountIds: [PROD_ACCOUNT],
      }),
    ]);
  });

  it("reads since as a UTC day: an evaluation at 00:00 UTC is in range, one a minute before is the baseline", async () => {
    const { workspace } = await workspaceWithOwner("Today");
    const evidence = organizationEvidence();
    await store(workspace.id, evidence, at("23:59:00", YESTERDAY));
    await store(workspace.id, attested(evidence, at("23:59:30", YESTERDAY)), at("00:00:00"));
    await store(workspace.id, attested(evidence, at("23:59:30", YESTERDAY)), at("12:18:00"));

    const view = await overview(workspace.id, { now: at("12:53:00"), since: DAY, scope: ALL });
    expect(view.changes).toMatchObject({
      sinceStart: new Date("2026-05-15T00:00:00.000Z"),
      baseline: { evaluatedAt: at("23:59:00", YESTERDAY) },
      latest: { evaluatedAt: at("12:18:00") },
      firstInRange: { evaluatedAt: at("00:00:00") },
      evaluations: 2,
      checks: [expect.objectContaining(portalChange)],
    });
    expect(sinceDayInput.safeParse(DAY).success).toBe(true);
    expect(sinceDayInput.safeParse("2026-02-30").success).toBe(false);
    expect(sinceDayInput.safeParse("2026-05-15T00:00:00+02:00").success).toBe(false);
  });

  it("lists waivers and attestations made through the API as changes since today, with their cause", async () => {
    const { caller, slug, workspace } = await workspaceWithOwner("Claims");
    const { caller: editor } = await addMember(caller, slug, "editor", "Eddie");
    const { caller: admin } = await addMember(caller, slug, "admin", "Ada");
    const prod = "210987654321";
    await db.awsAccount.create({
      data: {
        workspaceId: workspace.id,
        kind: "account",
        externalId: "f".repeat(40),
        accountId: prod,
        name: "shop-prod",
        status: "connected",
        environment: "prod",
      },
    });
    const now = new Date();
    const today = utcDay(now);
    await evaluateAndStore(workspace.id, { trigger: "daily", now: new Date(now.getTime() - 86_400_000) });

    const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
    const waiver = await editor.maturity.requestWaiver({
      workspace: slug,
      checkId: "golden-path-template",
      scope: { kind: "account", accountId: prod },
      reason: "Templates land with the platform team next quarter.",
      expiresAt: inDays(60),
    });
    await admin.maturity.approveWaiver({ workspace: slug, id: waiver.id });
    await editor.maturity.attest({
      workspace: slug,
      checkId: "developer-portal",
      scope: { kind: "organization" },
      evidenceUrl: "https://backstage.example.test/catalog",
      note: "Every service is in the catalogue.",
      expiresAt: inDays(30),
    });

    const view = await caller.maturity.overview({ workspace: slug, since: today });
    const snapshots = await db.maturitySnapshot.count({ where: { workspaceId: workspace.id } });
    expect(view.changes?.evaluations).toBe(snapshots - 1);
    expect(view.trend.evaluations).toBe(snapshots);
    expect(view.changes?.checks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          checkId: "golden-path-template",
          from: "no_data",
          fromWaived: false,
          to: "no_data",
          toWaived: true,
          causes: ["waiver"],
          accountIds: [prod],
        }),
        expect.objectContaining({ checkId: "developer-portal", from: "no_data", to: "pass", causes: ["attestation"] }),
      ]),
    );
  });
});
