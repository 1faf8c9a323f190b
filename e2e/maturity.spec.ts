import { expect, test, type Page } from "@playwright/test";
import { addMemberTo, makeUserWithWorkspace, PASSWORD, signIn, trpcMutation, trpcQuery } from "./fixtures/accounts";
import { connectDemoAndSync, practiceData, waitForEvaluation } from "./fixtures/maturity";

// One demo organisation, synced once, shared by the journeys below in order.
let slug = "";
let ownerEmail = "";
let failing: { checkId: string; title: string; accountId: string; accountName: string } | undefined;

async function shot(page: Page, name: string) {
  if (process.env.MATURITY_SCREENSHOTS) await page.screenshot({ path: `.data/screens/maturity-${name}.png`, fullPage: true });
}

const resultUrl = (checkId: string, accountId: string) => `/w/${slug}/maturity/checks/${checkId}?account=${accountId}`;

test.describe.serial("maturity ladder", () => {
  test("a leader connects the demo organisation, syncs, opens the ladder and drills from a failing check to its evidence", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const owner = await makeUserWithWorkspace("Leader");
    slug = owner.slug;
    ownerEmail = owner.user.email;
    await signIn(page, ownerEmail);
    await page.goto(`/w/${slug}/maturity`);
    await expect(page.getByRole("heading", { name: "No evaluation yet" })).toBeVisible();

    await connectDemoAndSync(page, slug);
    await waitForEvaluation(page.request, slug);
    await page.getByRole("link", { name: "Maturity", exact: true }).click();
    await expect(page.getByTestId("org-stage")).toHaveText(/^[0-5]$/);
    await expect(page.getByRole("listitem", { name: /^Stage \d:/ })).toHaveCount(5);
    await expect(page.locator('[data-testid^="rung-"]')).toHaveCount(10);
    await expect(page.getByRole("heading", { name: "Next steps" })).toBeVisible();
    await shot(page, "overview");
    await page.getByLabel("Staging").check();
    await expect(page).toHaveURL(/env=prod&env=staging/);
    const exportHref = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    expect(exportHref).toContain("env=staging");
    const csv = await page.request.get(exportHref!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");

    const practice = await practiceData(page.request, slug, "multi-account");
    const names = new Map(practice.accounts.map((a) => [a.accountId, a.name ?? a.accountId]));
    const found = practice.checks
      .flatMap((c) => c.results.map((r) => ({ check: c, result: r })))
      .find(({ check, result }) => check.mode === "automated" && result.status === "fail" && result.evidenceCount > 0);
    expect(found, "the demo organisation fails a multi-account check with evidence").toBeTruthy();
    failing = {
      checkId: found!.check.id,
      title: found!.check.title,
      accountId: found!.result.accountId,
      accountName: names.get(found!.result.accountId)!,
    };

    await page.getByTestId("rung-multi-account").click();
    await expect(page.getByRole("heading", { name: "Levels" })).toBeVisible();
    await shot(page, "practice");
    await page.getByTestId(`result-${failing.checkId}-${failing.accountId}`).click();
    await expect(page.getByRole("heading", { level: 1, name: failing.title })).toBeVisible();
    await expect(page.getByTestId("result-status")).toContainText("Fail");
    await expect(page.getByTestId("evidence-row").first()).toBeVisible();
    await shot(page, "result");

    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: failing.accountName }).click();
    await expect(page.getByRole("heading", { name: "All results" })).toBeVisible();
    await shot(page, "account");
  });

  test("an attestation of a manual check lifts the practice a level", async ({ page }) => {
    await signIn(page, ownerEmail);
    const before = await practiceData(page.request, slug, "platform-engineering");
    expect(before.level).toBe(0);
    const account = before.accounts[0]!;

    await page.goto(resultUrl("developer-portal", account.accountId));
    await expect(page.getByTestId("result-status")).toContainText("No data");
    await page.getByLabel("Evidence link").fill("https://backstage.example.test/catalog");
    await page.getByLabel("Note").fill("The catalogue lists every service in production.");
    await page.getByRole("button", { name: "Attest", exact: true }).click();
    await expect(page.getByTestId("result-status")).toContainText("Pass");
    await shot(page, "attested");

    await page.goto(`/w/${slug}/maturity`);
    const rung = page.getByTestId("rung-platform-engineering");
    await expect(rung.getByTestId("level-title")).toHaveText("A portal");
    await expect(rung).toContainText("Level 1");
  });

  test("an admin's waiver waits for another admin; approved, it counts as passing and shows as waived", async ({ page }) => {
    const admin = await addMemberTo(slug, "admin");
    await signIn(page, admin.email);
    await page.goto(resultUrl(failing!.checkId, failing!.accountId));
    await page.getByLabel("Reason").fill("Accepted while the platform team builds the replacement this quarter.");
    await page.getByLabel(`Only ${failing!.accountName}`).check();
    await page.getByRole("button", { name: "Request waiver", exact: true }).click();
    await expect(page.getByText("Requested. Another admin must approve it")).toBeVisible();
    await expect(page.getByTestId("result-status")).toContainText("Fail");
    await page.goto(`/w/${slug}/maturity/claims`);
    const request = page.getByRole("listitem").filter({ hasText: "Accepted while the platform team" });
    await expect(request).toContainText("Another admin approves your request");
    await expect(request.getByRole("button", { name: "Approve" })).toHaveCount(0);

    await page.context().clearCookies();
    await signIn(page, ownerEmail);
    await page.goto(`/w/${slug}/maturity/claims`);
    await request.getByRole("button", { name: "Approve" }).click();
    await expect(request).toContainText("approved by");
    await page.goto(resultUrl(failing!.checkId, failing!.accountId));
    await expect(page.getByTestId("result-status")).toContainText("Waived");
    await expect(page.getByText("Counts as passing: waived.")).toBeVisible();
    await shot(page, "waived");

    await page.goto(`/w/${slug}/maturity/practices/multi-account?account=${failing!.accountId}`);
    await expect(page.getByTestId(`result-${failing!.checkId}-${failing!.accountId}`)).toContainText("Waived");
    await expect(page.getByText(`Waived in ${failing!.accountName}:`)).toBeVisible();
    const after = await practiceData(page.request, slug, "multi-account");
    const cell = after.checks.find((c) => c.id === failing!.checkId)!.results.find((r) => r.accountId === failing!.accountId)!;
    expect(cell.waiver?.reason).toContain("Accepted while");

    // Admins see every waiver in one list, with the check it waives.
    await page.goto(`/w/${slug}/maturity`);
    await page.getByRole("link", { name: "Waivers and attestations" }).click();
    await expect(page.getByRole("heading", { name: "Waivers and attestations" })).toBeVisible();
    const waiver = page.getByRole("listitem").filter({ hasText: "Accepted while the platform team" });
    await expect(waiver.getByRole("link", { name: failing!.title })).toBeVisible();
    await expect(waiver).toContainText(`Account ${failing!.accountName} (${failing!.accountId})`);
    await expect(waiver.getByRole("button", { name: /Revoke the waiver/ })).toBeVisible();
    await shot(page, "claims");
  });

  test("a viewer sees no attest or waive controls, and the server refuses a viewer's claims", async ({ page }) => {
    const viewer = await addMemberTo(slug, "viewer");
    await signIn(page, viewer.email);
    await page.goto(resultUrl("developer-portal", failing!.accountId));
    await expect(page.getByRole("heading", { name: "Attestations" })).toBeVisible();
    await expect(page.getByText("Viewers can read attestations and waivers")).toBeVisible();
    await expect(page.getByRole("button", { name: "Attest", exact: true })).toHaveCount(0);
    await expect(page.getByText("Waive this check")).toHaveCount(0);
    await expect(page.getByText("Request a waiver")).toHaveCount(0);

    const claim = { workspace: slug, checkId: "developer-portal", scope: { kind: "organization" } };
    const attest = await trpcMutation(page.request, "maturity.attest", {
      ...claim,
      evidenceUrl: "https://example.test/proof",
      note: "A viewer trying.",
      expiresAt: "2099-01-01",
    });
    expect(attest.status).toBe(403);
    expect(attest.body.error?.json.data.code).toBe("FORBIDDEN");
    const waive = await trpcMutation(page.request, "maturity.requestWaiver", {
      ...claim,
      reason: "A viewer trying to waive.",
      expiresAt: "2099-01-01",
    });
    expect(waive.body.error?.json.data.code).toBe("FORBIDDEN");
  });

  test("a signed-out link to a check's evidence comes back to that result after signing in", async ({ page }) => {
    const link = resultUrl(failing!.checkId, failing!.accountId);
    await page.goto(link);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    await page.getByLabel("Email").fill(ownerEmail);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Signing in hashes a password and the result page reads its evidence: slow on a busy machine.
    await expect(page.getByRole("heading", { name: failing!.title, level: 1 })).toBeVisible({ timeout: 30_000 });
    expect(page.url()).toBe(new URL(link, page.url()).href);
  });

  test("a member of another workspace gets NOT_FOUND for this workspace's maturity", async ({ page }) => {
    const outsider = await makeUserWithWorkspace("Outsider");
    await signIn(page, outsider.user.email);
    const response = await page.goto(`/w/${slug}/maturity`);
    expect(response?.status()).toBe(404);
    await expect(page.getByText("Organisation stage")).toHaveCount(0);

    const queries: [string, Record<string, unknown>][] = [
      ["maturity.overview", {}],
      ["maturity.practice", { practiceId: "multi-account" }],
      ["maturity.account", { accountId: failing!.accountId }],
      ["maturity.result", { accountId: failing!.accountId, checkId: failing!.checkId }],
      ["maturity.claims", {}],
    ];
    for (const [path, input] of queries) {
      const result = await trpcQuery(page.request, path, { workspace: slug, ...input });
      expect(result.status, path).toBe(404);
      expect(result.body.error?.json.data.code, path).toBe("NOT_FOUND");
    }
    const write = await trpcMutation(page.request, "maturity.requestWaiver", {
      workspace: slug,
      checkId: failing!.checkId,
      scope: { kind: "organization" },
      reason: "Someone else's workspace.",
      expiresAt: "2099-01-01",
    });
    expect(write.body.error?.json.data.code).toBe("NOT_FOUND");
  });
});
