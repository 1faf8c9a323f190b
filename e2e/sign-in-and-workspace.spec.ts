import { expect, test } from "@playwright/test";
import { makeUser, makeUserWithWorkspace, PASSWORD, signIn, unique } from "./fixtures/accounts";

test("a new user signs in, creates a workspace and finds honest empty states", async ({ page }) => {
  const user = await makeUser("Nadia");
  await signIn(page, user.email);
  await expect(page).toHaveURL(/\/workspaces\/new/);

  const slug = `platform-${unique()}`;
  await page.getByLabel("Name").fill("Platform team");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: /create/i }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/overview`));

  for (const section of ["Overview", "Maturity", "FinOps", "Incidents", "Accounts", "Settings"]) {
    await expect(page.getByRole("link", { name: section, exact: true })).toBeVisible();
  }
  await page.getByRole("link", { name: "Maturity", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Maturity" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to Accounts" })).toBeVisible();
  await expect(page.getByText(/\$\d|\d+%/)).toHaveCount(0);
});

test("a duplicate workspace address is refused with a clear message", async ({ page }) => {
  const taken = await makeUserWithWorkspace("Taken");
  const user = await makeUser("Second");
  await signIn(page, user.email);
  await page.goto("/workspaces/new");
  await page.getByLabel("Name").fill("Copycat");
  await page.getByLabel("Address").fill(taken.slug);
  await page.getByRole("button", { name: /create/i }).click();
  await expect(page.getByText(`The address “${taken.slug}” is already taken; choose another.`)).toBeVisible();
  await expect(page).toHaveURL(/\/workspaces\/new/);
});

test("a wrong password is refused and an expired session leads back to sign-in, then to the page asked for", async ({ page }) => {
  const user = await makeUserWithWorkspace("Omar");
  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.user.email);
  await page.getByLabel("Password").fill(`${PASSWORD}x`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That email and password do not match an account." })).toBeVisible();

  await signIn(page, user.user.email);
  await expect(page).toHaveURL(new RegExp(`/w/${user.slug}/overview`));
  const { db } = await import("~/server/db");
  await db.session.updateMany({ where: { userId: user.user.id }, data: { expires: new Date(Date.now() - 1000) } });
  await page.goto(`/w/${user.slug}/settings/members`);
  await expect(page).toHaveURL(/\/signin/);

  // Signing in again comes back to the page asked for, not to the workspace's overview.
  await page.getByLabel("Email").fill(user.user.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Signing in hashes a password: slow on a busy machine.
  await expect(page.getByRole("heading", { name: "Invite a member" })).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(new RegExp(`/w/${user.slug}/settings/members$`));
});

test("signed out, the site icons answer with images, not a way to sign in", async ({ page }) => {
  await page.goto("/signin");
  const iconHrefs = await page.locator('head link[rel="icon"]').evaluateAll((links) => links.map((l) => l.getAttribute("href")!));
  expect(iconHrefs.length).toBeGreaterThan(0);
  for (const href of ["/favicon.ico", ...iconHrefs]) {
    const response = await page.request.get(href, { maxRedirects: 0 });
    expect(response.status(), href).toBe(200);
    expect(response.headers()["content-type"], href).toMatch(/^image\//);
  }
});
