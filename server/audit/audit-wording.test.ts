import { describe, expect, it } from "vitest";
import { describeAction, describeDetails, describeTarget } from "~/components/settings/audit-wording";
import type { AuditEntry } from "~/components/settings/types";
import { db } from "~/server/db";
import { workspaceWithOwner } from "~/server/test/fixtures";

// The audit log names the AWS account of every account, schedule and claim entry by number and
// name, and entries written before they carried the name still read as sentences.

const PROD = "210987654321";
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

const row = (action: string, targetType: string, data: AuditEntry["data"]): AuditEntry => ({
  id: "x",
  action,
  targetType,
  targetId: "t",
  data,
  createdAt: new Date(),
  actorLabel: null,
  actor: { email: "ada@example.test", name: "Ada" },
});

const read = (entry: AuditEntry) => [describeAction(entry), describeTarget(entry), describeDetails(entry)];

describe("audit wording", () => {
  it("names the account in account, schedule and claim entries written through the services", async () => {
    const { caller, slug, workspace } = await workspaceWithOwner("Auditor");
    const account = await db.awsAccount.create({
      data: {
        workspaceId: workspace.id,
        kind: "account",
        externalId: "e".repeat(40),
        accountId: PROD,
        name: "shop-prod",
        status: "connected",
        environment: "staging",
      },
    });
    await caller.accounts.setEnvironment({ workspace: slug, accountRef: account.id, environment: "prod" });
    await caller.sync.setSchedule({ workspace: slug, syncEveryHours: 12 });
    await caller.maturity.requestWaiver({
      workspace: slug,
      checkId: "developer-portal",
      scope: { kind: "account", accountId: PROD },
      reason: "The portal launches next quarter; the wiki lists services until then.",
      expiresAt: inDays(30),
    });
    await caller.maturity.attest({
      workspace: slug,
      checkId: "developer-portal",
      scope: { kind: "organization" },
      evidenceUrl: "https://backstage.example.test",
      note: "Every service is in the catalogue.",
      expiresAt: inDays(30),
    });
    await caller.accounts.remove({ workspace: slug, accountRef: account.id, confirmAccountId: PROD });

    const entries = (await caller.audit.list({ workspace: slug })).entries;
    const byAction = (action: string) => read(entries.find((e) => e.action === action)!);
    expect(byAction("account.environment_changed")).toEqual([
      "changed an AWS account's environment",
      `shop-prod (${PROD})`,
      "staging → prod",
    ]);
    expect(byAction("account.removed")).toEqual(["removed an AWS account", `shop-prod (${PROD})`, ""]);
    expect(byAction("sync.schedule_changed")).toEqual([
      "changed the sync schedule",
      "the sync schedule",
      "every 24 h → every 12 h",
    ]);
    expect(byAction("maturity.waiver.request")).toEqual([
      "requested a waiver",
      `An internal developer portal lists the services in shop-prod (${PROD})`,
      expect.stringContaining("The portal launches next quarter"),
    ]);
    expect(byAction("maturity.attest")[1]).toBe("An internal developer portal lists the services across the organisation");
    for (const entry of entries) expect(describeTarget(entry), entry.action).not.toBe("—");
  });

  it("reads entries written before they named the account", () => {
    expect(read(row("account.connected", "aws_account", { accountId: PROD, roleArn: "arn", kind: "account" }))).toEqual([
      "connected an AWS account",
      PROD,
      "",
    ]);
    expect(read(row("account.onboarding_started", "aws_account", { kind: "account" }))[1]).toBe("a new AWS account");
    expect(read(row("account.verified", "aws_account", { accountId: null, status: "failed" }))).toEqual([
      "re-verified an AWS account",
      "an AWS account",
      "status failed",
    ]);
    expect(read(row("account.environment_changed", "aws_account", { accountId: PROD, environment: null }))).toEqual([
      "changed an AWS account's environment",
      PROD,
      "none",
    ]);
    expect(
      read(row("account.members_connected", "aws_organization", { roleName: "R", connected: ["111111111111"], failed: [] })),
    ).toEqual(["connected the organisation's member accounts", "the AWS organisation", "connected 111111111111"]);
    expect(read(row("sync.schedule_changed", "workspace", { syncEveryHours: null }))).toEqual([
      "changed the sync schedule",
      "the sync schedule",
      "off",
    ]);
    expect(
      read(row("maturity.waiver.grant", "waiver", { checkId: "org-trail-enabled", scope: { kind: "account", accountId: PROD } })),
    ).toEqual(["waived a check, approving it themselves", `org-trail-enabled in ${PROD}`, ""]);
    expect(read(row("maturity.waiver.revoke", "waiver", { checkId: "org-trail-enabled" }))).toEqual([
      "revoked a waiver",
      "org-trail-enabled",
      "",
    ]);
  });

  it("says whether a waiver was approved by another admin or self-approved under the setting", () => {
    const claim = { checkId: "c", checkTitle: "Developer portal", scope: { kind: "ou", ouPath: "/Prod" }, requestedBy: "Eddie" };
    expect(read(row("maturity.waiver.approve", "waiver", { ...claim, approval: "other_admin" }))).toEqual([
      "approved a waiver",
      "Developer portal in OU /Prod",
      "requested by Eddie",
    ]);
    expect(read(row("maturity.waiver.approve", "waiver", { ...claim, approval: "self_under_setting" }))).toEqual([
      "approved their own waiver, as the workspace allows",
      "Developer portal in OU /Prod",
      "self-approved: the workspace allows it",
    ]);
  });
});
