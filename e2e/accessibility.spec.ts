import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContextOptions, type Page } from "@playwright/test";
import { makeUserWithWorkspace, signIn, trpcMutation } from "./fixtures/accounts";
import { practiceData, waitForEvaluation } from "./fixtures/maturity";

// WCAG 2.1 AA: axe over the main pages, then what axe cannot see (skip link, reflow at 320 px,
// where focus goes, the sources popover). One demo organisation, connected and synced once,
// serves every test; the owner's session is reused rather than signing in each time.
// The app has one colour scheme (globals.css pins `color-scheme: light`), so axe runs in it only.
test.describe.configure({ mode: "serial" });

let slug = "";
let session: Exclude<BrowserContextOptions["storageState"], string | undefined> | undefined;
let result = { checkId: "", accountId: "" };

test.beforeEach(async ({ context }) => {
  if (session) await context.addCookies(session.cookies);
});

// Soft, so one run lists the violations of every page rather than stopping at the first.
async function expectNoAxeViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const found = results.violations.map((v) => ({
    rule: v.id,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`),
  }));
  expect.soft(found, `axe violations on ${name}`).toEqual([]);
}

async function shot(page: Page, name: string) {
  if (process.env.A11Y_SCREENSHOTS) await page.screenshot({ path: `.data/screens/a11y-${name}.png`, fullPage: true });
}

// A page is ready when its heading is shown and no panel is still streaming in.
async function open(page: Page, path: string, heading: string | RegExp) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(".animate-pulse")).toHaveCount(0, { timeout: 30_000 });
}

test("a finished sync is announced in a polite live region", async ({ browser }) => {
  test.setTimeout(300_000);
  const owner = await makeUserWithWorkspace("Access");
  slug = owner.slug;
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, owner.user.email);
  await page.goto(`/w/${slug}/accounts`);
  await page.getByRole("button", { name: "Connect the demo organisation" }).click();
  await expect(page.getByText(/(\d+) of \1 accounts are connected/)).toBeVisible({ timeout: 60_000 });
  await page.goto(`/w/${slug}/sync`);
  await page.getByRole("button", { name: "Sync now" }).click();
  const announcement = page.getByTestId("run-announcement");
  await expect(announcement).toHaveRole("status", { timeout: 30_000 });
  await expect(announcement).toHaveText(/^Sync finished/, { timeout: 180_000 });

  await waitForEvaluation(page.request, slug);
  const practice = await practiceData(page.request, slug, "multi-account");
  const failing = practice.checks.flatMap((c) => c.results.map((r) => ({ c, r }))).find(({ r }) => r.status === "fail");
  expect(failing, "the demo organisation fails a multi-account check").toBeTruthy();
  result = { checkId: failing!.c.id, accountId: failing!.r.accountId };
  // Something in each list, so the tables are checked as well as their empty states.
  const token = await trpcMutation(page.request, "tokens.create", { workspace: slug, name: "GitHub Actions", role: "editor" });
  expect(token.status).toBe(200);
  const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const attest = await trpcMutation(page.request, "maturity.attest", {
    workspace: slug,
    checkId: "developer-portal",
    scope: { kind: "organization" },
    evidenceUrl: "https://backstage.example.test/catalog",
    note: "The catalogue lists every service.",
    expiresAt,
  });
  expect(attest.status, attest.body.error?.json.message).toBe(200);
  const waiver = await trpcMutation(page.request, "maturity.requestWaiver", {
    workspace: slug,
    checkId: result.checkId,
    scope: { kind: "account", accountId: result.accountId },
    reason: "Accepted while the platform team builds the replacement.",
    expiresAt,
  });
  expect(waiver.status, waiver.body.error?.json.message).toBe(200);
  session = await context.storageState();
  await context.close();
});

const pages: { name: string; path: () => string; heading: string | RegExp }[] = [
  { name: "overview", path: () => `/w/${slug}/overview`, heading: "Overview" },
  { name: "accounts", path: () => `/w/${slug}/accounts`, heading: "Accounts" },
  { name: "maturity overview", path: () => `/w/${slug}/maturity`, heading: "Maturity" },
  { name: "finops", path: () => `/w/${slug}/finops`, heading: "FinOps" },
  { name: "incidents", path: () => `/w/${slug}/incidents`, heading: "Incidents" },
  { name: "maturity practice", path: () => `/w/${slug}/maturity/practices/multi-account`, heading: /./ },
  {
    name: "maturity check",
    path: () => `/w/${slug}/maturity/checks/${result.checkId}?account=${result.accountId}`,
    heading: /./,
  },
  { name: "maturity account", path: () => `/w/${slug}/maturity/accounts/${result.accountId}`, heading: /./ },
  { name: "claims", path: () => `/w/${slug}/maturity/claims`, heading: /./ },
  { name: "sync", path: () => `/w/${slug}/sync`, heading: "Sync" },
  { name: "settings", path: () => `/w/${slug}/settings`, heading: "Settings" },
  { name: "members", path: () => `/w/${slug}/settings/members`, heading: "Settings" },
  { name: "tokens", path: () => `/w/${slug}/settings/tokens`, heading: "Settings" },
  { name: "audit", path: () => `/w/${slug}/settings/audit`, heading: "Settings" },
];

// One page for all of them, so each load after the first comes from the browser's cache.
test("axe finds no WCAG 2.1 AA violations on the main pages", async ({ page }) => {
  test.setTimeout(300_000);
  for (const { name, path, heading } of pages) {
    await test.step(name, async () => {
      await open(page, path(), heading);
      await expectNoAxeViolations(page, name);
    });
  }
  await test.step("sign-in", async () => {
    await page.context().clearCookies();
    await open(page, "/signin", "Sign in to Ladder");
    await expectNoAxeViolations(page, "sign-in");
  });
});

test("the skip link is the first Tab stop and moves focus to the content", async ({ page }) => {
  await open(page, `/w/${slug}/accounts`, "Accounts");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest("main")))).toBe(true);
});

test("at 320 px wide the pages reflow instead of scrolling sideways", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  const widths: Record<string, number> = {};
  const measure = async (name: string) => {
    widths[name] = await page.evaluate(() => document.documentElement.scrollWidth);
  };
  await open(page, `/w/${slug}/accounts`, "Accounts");
  await page.getByText("Show reasons").first().click();
  await measure("accounts");
  await shot(page, "320-accounts");
  await open(page, `/w/${slug}/maturity`, "Maturity");
  const more = page.getByText(/^Show \d+ more steps?$/);
  if (await more.count()) await more.click();
  await measure("maturity");
  await shot(page, "320-maturity");
  await open(page, `/w/${slug}/maturity/practices/multi-account`, /./);
  await measure("maturity practice");
  await shot(page, "320-practice");
  await open(page, `/w/${slug}/maturity/checks/${result.checkId}?account=${result.accountId}`, /./);
  await measure("maturity check");
  await shot(page, "320-check");
  await open(page, `/w/${slug}/incidents`, "Incidents");
  await measure("incidents");
  await shot(page, "320-incidents");
  await open(page, `/w/${slug}/sync`, "Sync");
  await page.getByText("All sources").click();
  // A popover running off the left edge does not widen the page, but cuts its text all the same.
  const menu = await page.getByRole("group", { name: "Sources to sync" }).boundingBox();
  expect(menu!.x).toBeGreaterThanOrEqual(0);
  expect(menu!.x + menu!.width).toBeLessThanOrEqual(320);
  await measure("sync with the sources open");
  await shot(page, "320-sync");
  expect(Object.entries(widths).filter(([, width]) => width > 320)).toEqual([]);
});

test("focus stays on the confirmation: it moves in, back on cancel, and stays while the action runs", async ({ page }) => {
  await open(page, `/w/${slug}/settings/tokens`, "Settings");
  const row = page.getByRole("row").filter({ hasText: "GitHub Actions" });
  const revoke = row.getByRole("button", { name: "Revoke" });
  await revoke.focus();
  await page.keyboard.press("Enter");
  const confirm = row.getByRole("button", { name: "Yes, revoke" });
  await expect(confirm).toBeFocused();
  await expect(confirm).toHaveAccessibleDescription("Revoke GitHub Actions?");
  await page.keyboard.press("Escape");
  await expect(revoke).toBeFocused();
  await page.keyboard.press("Enter");
  await row.getByRole("button", { name: "Cancel" }).click();
  await expect(revoke).toBeFocused();

  // Hold the request so the loading state can be looked at; count what reaches the server.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let requests = 0;
  await page.route(
    (url) => url.pathname.includes("tokens.revoke"),
    async (route) => {
      requests += 1;
      await held;
      await route.continue();
    },
  );
  await page.keyboard.press("Enter");
  await expect(confirm).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(confirm).toHaveAttribute("aria-busy", "true");
  await expect(confirm).toHaveAttribute("aria-disabled", "true");
  await shot(page, "revoke-pending");
  await page.keyboard.press("Enter");
  await expect(confirm).toBeFocused();
  release();
  await expect(row.getByText("Revoked")).toBeVisible();
  expect(requests).toBe(1);
});

test("removing an account takes focus to its confirmation and gives it back on Escape or Cancel", async ({ page }) => {
  await open(page, `/w/${slug}/accounts`, "Accounts");
  const remove = page.getByRole("row", { name: new RegExp(result.accountId) }).getByRole("button", { name: "Remove" });
  const confirmation = page.getByLabel("Type the account id to confirm");
  await remove.focus();
  await page.keyboard.press("Enter");
  await expect(confirmation).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(confirmation).toHaveCount(0);
  await expect(remove).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(confirmation).toBeFocused();
  await page
    .getByRole("group", { name: /^Remove account/ })
    .getByRole("button", { name: "Cancel" })
    .click();
  await expect(remove).toBeFocused();
});

test("the sources popover closes on Escape, on Tab out and on a press outside it", async ({ page }) => {
  await open(page, `/w/${slug}/sync`, "Sync");
  const trigger = page.getByText("All sources");
  const menu = page.getByRole("group", { name: "Sources to sync" });
  await trigger.click();
  await expect(menu).toBeVisible();
  await menu.getByRole("checkbox").first().focus();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(page.locator("summary", { hasText: "All sources" })).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(menu).toBeVisible();
  const boxes = await menu.getByRole("checkbox").count();
  for (let i = 0; i <= boxes; i += 1) await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Sync now" })).toBeFocused();
  await expect(menu).toBeHidden();

  await trigger.click();
  await expect(menu).toBeVisible();
  await page.getByRole("heading", { level: 1, name: "Sync" }).click();
  await expect(menu).toBeHidden();
});
