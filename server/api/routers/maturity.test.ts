import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { handleExportRequest } from "~/server/maturity/export-request";
import { addMember, workspaceWithOwner } from "~/server/test/fixtures";

// People's part of the ladder through the API: who may attest and waive, what it changes, and
// what another workspace can see of it.

const PROD = "210987654321";
const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

async function ladderWorkspace(name: string) {
  const owner = await workspaceWithOwner(name);
  await db.awsAccount.create({
    data: {
      workspaceId: owner.workspace.id,
      kind: "account",
      externalId: "e".repeat(40),
      accountId: PROD,
      name: "shop-prod",
      status: "connected",
      environment: "prod",
    },
  });
  await owner.caller.maturity.evaluate({ workspace: owner.slug });
  return owner;
}

const portalResult = async (caller: Awaited<ReturnType<typeof workspaceWithOwner>>["caller"], slug: string) =>
  (await caller.maturity.account({ workspace: slug, accountId: PROD })).results.find((r) => r.id === "developer-portal");

describe("maturity API", () => {
  it("lifts a level when an editor attests a manual check, and lapses it when the attestation is revoked", async () => {
    const { caller, slug, workspace } = await ladderWorkspace("Attest");
    const { caller: editor } = await addMember(caller, slug, "editor", "Eddie");
    const platformLevel = async () =>
      (await caller.maturity.account({ workspace: slug, accountId: PROD })).practices.find((p) => p.id === "platform-engineering")
        ?.level;

    expect(await portalResult(caller, slug)).toMatchObject({ status: "no_data", blocking: true });
    expect(await platformLevel()).toBe(0);

    const attestation = await editor.maturity.attest({
      workspace: slug,
      checkId: "developer-portal",
      scope: { kind: "organization" },
      evidenceUrl: "https://backstage.example.test/catalog",
      note: "Every service is in the catalogue.",
      expiresAt: inDays(90),
    });
    expect(attestation).toMatchObject({ state: "active", author: "Eddie", mine: true });
    expect(await portalResult(caller, slug)).toMatchObject({ status: "pass", evidenceCount: 1 });
    expect(await platformLevel()).toBe(1);

    const detail = await caller.maturity.result({ workspace: slug, accountId: PROD, checkId: "developer-portal" });
    expect(detail.evidence).toEqual([
      expect.objectContaining({
        id: attestation.id,
        kind: "Attestation",
        fields: expect.objectContaining({ note: "Every service is in the catalogue." }),
      }),
    ]);

    expect(detail.attestations).toEqual([expect.objectContaining({ id: attestation.id, mine: false })]);
    await editor.maturity.revokeAttestation({ workspace: slug, id: attestation.id });
    expect(await portalResult(caller, slug)).toMatchObject({ status: "no_data" });
    const actions = (await caller.audit.list({ workspace: slug })).entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["maturity.attest", "maturity.attestation.revoke"]));
    expect(await db.maturitySnapshot.count({ where: { workspaceId: workspace.id, trigger: "attestation" } })).toBe(2);
  });

  it("keeps an editor's waiver pending until an admin approves it, and counts it as passing only then", async () => {
    const { caller, slug } = await ladderWorkspace("Waive");
    const { caller: editor } = await addMember(caller, slug, "editor", "Eddie");
    const { caller: admin } = await addMember(caller, slug, "admin", "Ada");

    const waiver = await editor.maturity.requestWaiver({
      workspace: slug,
      checkId: "developer-portal",
      scope: { kind: "account", accountId: PROD },
      reason: "The portal launches next quarter; the wiki lists services until then.",
      expiresAt: inDays(60),
    });
    expect(waiver.state).toBe("pending");
    expect((await caller.maturity.claims({ workspace: slug })).accountNames).toEqual({ [PROD]: "shop-prod" });
    expect((await portalResult(caller, slug))?.waiver).toBeNull();
    await expect(editor.maturity.approveWaiver({ workspace: slug, id: waiver.id })).rejects.toMatchObject({ code: "FORBIDDEN" });

    expect(await admin.maturity.approveWaiver({ workspace: slug, id: waiver.id })).toMatchObject({
      state: "active",
      approvedBy: "Ada",
    });
    expect(await portalResult(caller, slug)).toMatchObject({
      status: "no_data",
      blocking: false,
      waiver: expect.objectContaining({ id: waiver.id, approvedBy: "Ada" }),
    });

    await admin.maturity.revokeWaiver({ workspace: slug, id: waiver.id });
    expect(await portalResult(caller, slug)).toMatchObject({ waiver: null, blocking: true });
    const actions = (await caller.audit.list({ workspace: slug })).entries.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["maturity.waiver.request", "maturity.waiver.approve", "maturity.waiver.revoke"]),
    );
  });

  it("needs an approver other than the requester, unless an owner allows self-approval, and audits which", async () => {
    const { caller: owner, slug, workspace } = await ladderWorkspace("Approvers");
    const { caller: admin, user: adminUser } = await addMember(owner, slug, "admin", "Ada");
    const claim = {
      workspace: slug,
      checkId: "developer-portal",
      scope: { kind: "account" as const, accountId: PROD },
      reason: "The portal launches next quarter; the wiki lists services until then.",
      expiresAt: inDays(60),
    };
    const approvals = async () =>
      (await db.auditLog.findMany({ where: { workspaceId: workspace.id, action: "maturity.waiver.approve" } })).map((e) => ({
        actorUserId: e.actorUserId,
        targetId: e.targetId,
        data: e.data,
      }));

    const own = await admin.maturity.requestWaiver(claim);
    expect(own).toMatchObject({ state: "pending", approvedBy: null, mine: true });
    await expect(admin.maturity.approveWaiver({ workspace: slug, id: own.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("another admin must approve it"),
    });
    expect((await portalResult(owner, slug))?.waiver).toBeNull();
    expect(await approvals()).toEqual([]);

    expect(await owner.maturity.approveWaiver({ workspace: slug, id: own.id })).toMatchObject({
      state: "active",
      approvedBy: "Approvers",
      selfApproved: false,
    });
    expect(await approvals()).toEqual([
      {
        actorUserId: expect.any(String),
        targetId: own.id,
        data: expect.objectContaining({
          approval: "other_admin",
          requestedBy: "Ada",
          account: { accountId: PROD, name: "shop-prod" },
        }),
      },
    ]);

    // Only an owner may allow self-approval; an admin's attempt changes nothing.
    await expect(admin.workspaces.setWaiverSelfApproval({ workspace: slug, allow: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).allowWaiverSelfApproval).toBe(false);
    const pendingBefore = await admin.maturity.requestWaiver({ ...claim, checkId: "org-trail-enabled" });
    await owner.workspaces.setWaiverSelfApproval({ workspace: slug, allow: true });
    expect((await admin.workspaces.current({ workspace: slug })).allowWaiverSelfApproval).toBe(true);

    // Under the setting an admin's request applies at once, and a pending one of their own may
    // be approved by them; both are recorded as self-approved.
    await owner.maturity.revokeWaiver({ workspace: slug, id: own.id });
    const selfGranted = await admin.maturity.requestWaiver(claim);
    expect(selfGranted).toMatchObject({ state: "active", approvedBy: "Ada", selfApproved: true });
    expect(await portalResult(owner, slug)).toMatchObject({ waiver: expect.objectContaining({ id: selfGranted.id }) });
    expect(await admin.maturity.approveWaiver({ workspace: slug, id: pendingBefore.id })).toMatchObject({
      state: "active",
      selfApproved: true,
    });
    const selfApprovals = (await approvals()).filter((a) => a.actorUserId === adminUser.id);
    expect(selfApprovals.map((a) => [a.targetId, (a.data as { approval: string }).approval]).sort()).toEqual(
      [
        [selfGranted.id, "self_under_setting"],
        [pendingBefore.id, "self_under_setting"],
      ].sort(),
    );
    expect(
      await db.auditLog.count({ where: { workspaceId: workspace.id, action: "workspace.waiver_self_approval_changed" } }),
    ).toBe(1);

    // An editor's request still waits for an admin, setting or not.
    const { caller: editor } = await addMember(owner, slug, "editor", "Eddie");
    expect(await editor.maturity.requestWaiver({ ...claim, checkId: "org-trail-log-validation" })).toMatchObject({
      state: "pending",
    });

    // Another workspace's admin cannot approve this workspace's waiver, even by its id.
    const pending = await editor.maturity.requestWaiver({ ...claim, checkId: "developer-portal" });
    const { caller: stranger, slug: strangerSlug } = await workspaceWithOwner("Stranger");
    await expect(stranger.maturity.approveWaiver({ workspace: strangerSlug, id: pending.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(stranger.maturity.approveWaiver({ workspace: slug, id: pending.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await db.waiver.findUniqueOrThrow({ where: { id: pending.id } })).approvedAt).toBeNull();
  });

  it("refuses viewers, other workspaces and bad claims, storing nothing", async () => {
    const { caller, slug, workspace } = await ladderWorkspace("Guard");
    const { caller: viewer } = await addMember(caller, slug, "viewer", "Vic");
    const claim = {
      workspace: slug,
      checkId: "developer-portal",
      scope: { kind: "organization" as const },
      evidenceUrl: "https://example.test",
      note: "n",
      expiresAt: inDays(30),
    };
    await expect(viewer.maturity.attest(claim)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(viewer.maturity.requestWaiver({ ...claim, reason: "A reason long enough to read." })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await viewer.maturity.overview({ workspace: slug, scope: { environments: ["prod"] } })).accountsInScope).toBe(1);

    const { caller: stranger } = await workspaceWithOwner("Stranger");
    await expect(stranger.maturity.overview({ workspace: slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.maturity.attest(claim)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await expect(caller.maturity.attest({ ...claim, checkId: "org-trail-enabled" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("cannot be attested"),
    });
    await expect(caller.maturity.attest({ ...claim, expiresAt: inDays(-1) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.maturity.attest({ ...claim, evidenceUrl: "javascript:alert(1)" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      caller.maturity.attest({ ...claim, scope: { kind: "account", accountId: "999999999999" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("not connected") });
    expect(await db.attestation.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await db.waiver.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("exports the results in scope as CSV and JSON to a token of the workspace only", async () => {
    const { caller, slug } = await ladderWorkspace("Export");
    const { token } = await caller.tokens.create({ workspace: slug, name: "BI", role: "viewer" });
    const get = (query: string, bearer = token) =>
      handleExportRequest(
        new Request(`http://ladder.test/api/v1/maturity/export?${query}`, { headers: { authorization: `Bearer ${bearer}` } }),
      );

    const csv = await (await get("format=csv&env=prod")).text();
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe(
      "accountId,accountName,environment,ouPath,practice,checkId,check,level,status,reason,waived,waiverReason,since,evidenceIds",
    );
    expect(lines.length - 1).toBe(await db.maturityResult.count({ where: { workspace: { slug }, accountId: PROD } }));
    const portal = lines.find((l) => l.includes(",developer-portal,"));
    expect(portal).toMatch(
      new RegExp(`^${PROD},shop-prod,prod,,[^,]+,developer-portal,An internal developer portal lists the services,1,no_data,`),
    );

    const json = (await (await get("format=json&env=staging")).json()) as { results: unknown[]; stage: number };
    expect(json.results).toEqual([]);
    await expect(get("format=xml")).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const { caller: other, slug: otherSlug } = await workspaceWithOwner("OtherExport");
    const { token: otherToken } = await other.tokens.create({ workspace: otherSlug, name: "BI", role: "viewer" });
    await expect(get(`format=json&workspace=${slug}`, otherToken)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining(`This token belongs to workspace “${otherSlug}”, not “${slug}”.`),
    });
    const own = await (await get("format=json", otherToken)).json();
    expect(own).toMatchObject({ evaluatedAt: null, results: [] });
  });
});
