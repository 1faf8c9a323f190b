import { expect, test } from "@playwright/test";
import { addMemberTo, makeUser, signIn, trpcQuery, unique } from "./fixtures/accounts";
import { waitForEvaluation } from "./fixtures/maturity";

// The demo from a first visit to a ladder worth reading: the simulated organisation brings its
// CI's scans with it, and the Accounts page says what to do next.
test("a new user connects the demo organisation, syncs from the Accounts page and reads a ladder with CI evidence", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const user = await makeUser("Dana");
  await signIn(page, user.email);
  await expect(page).toHaveURL(/\/workspaces\/new/);
  const slug = `demo-${unique()}`;
  await page.getByLabel("Name").fill("Demo tour");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: /create/i }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/overview`));

  await page.getByRole("link", { name: "Accounts", exact: true }).click();
  await page.getByRole("button", { name: "Connect the demo organisation" }).click();
  await expect(page.getByText(/(\d+) of \1 accounts are connected/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("link", { name: "Connect member accounts" })).toBeVisible();
  const next = page.getByTestId("first-sync");
  await expect(next.getByRole("heading", { name: "Next: sync" })).toBeVisible();
  await next.getByRole("button", { name: "Sync now" }).click();
  await expect(next.getByRole("heading", { name: "Syncing" })).toBeVisible();
  await expect(next.getByRole("progressbar", { name: "Sync progress" })).toBeVisible();
  const toMaturity = next.getByRole("link", { name: "See where you stand on the Maturity page" });
  await expect(toMaturity).toBeVisible({ timeout: 150_000 });
  await expect(next.getByRole("heading", { name: "Synced" })).toBeVisible();

  await waitForEvaluation(page.request, slug);
  await toMaturity.click();
  await expect(page.getByTestId("org-stage")).toHaveText(/^[1-5]$/);
  // Prod, where the page opens: policy-as-code half-way on the organisation's Checkov uploads;
  // supply chain held at 0 by catalog-prod's unscanned repository, the other prod accounts above.
  await expect(page.getByTestId("rung-policy-as-code")).toContainText("Level 2");
  const supplyChain = page.getByTestId("rung-supply-chain");
  await expect(supplyChain).toContainText("held by 1 of 3");
  await supplyChain.click();
  await expect(page.getByRole("heading", { name: "Levels" })).toBeVisible();
  const { body } = await trpcQuery(page.request, "maturity.practice", { workspace: slug, practiceId: "supply-chain" });
  const practice = body.result!.data.json as { accounts: { name: string | null; level: number | null }[] };
  expect(practice.accounts.filter((a) => (a.level ?? 0) > 0).map((a) => a.name)).toEqual(
    expect.arrayContaining(["payments-prod", "checkout-prod"]),
  );

  // The uploads arrived as a pipeline's would, and say they are the demo's.
  await page.goto(`/w/${slug}/sync`);
  const scan = page.getByRole("row").filter({ hasText: "nightly-image-scan" }).first();
  await expect(scan).toContainText("Demo");
  await expect(scan).toContainText("example-ladder/");

  // A viewer sees where the sync stands but cannot start one; another workspace sees nothing.
  const viewer = await addMemberTo(slug, "viewer");
  const viewerPage = await (await browser.newContext()).newPage();
  await signIn(viewerPage, viewer.email);
  await viewerPage.goto(`/w/${slug}/accounts`);
  await expect(viewerPage.getByTestId("first-sync").getByRole("heading", { name: "Synced" })).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: "Sync now" })).toHaveCount(0);
  const outsider = await makeUser("Outsider");
  const outsiderPage = await (await browser.newContext()).newPage();
  await signIn(outsiderPage, outsider.email);
  const answer = await trpcQuery(outsiderPage.request, "uploads.list", { workspace: slug, limit: 20 });
  expect(answer.status).toBe(404);
});
