import { expect, test } from "@playwright/test";
import { makeUserWithWorkspace, PASSWORD, signIn, trpcMutation, unique } from "./fixtures/accounts";

test("an owner invites a viewer, who can read but cannot create API tokens", async ({ page, browser }) => {
  const owner = await makeUserWithWorkspace("Olga");
  await signIn(page, owner.user.email);
  await page.goto(`/w/${owner.slug}/settings/members`);

  const viewerEmail = `victor-${unique()}@example.test`;
  await page.getByLabel("Email").fill(viewerEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: /invite/i }).click();
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toContain("/invite/");

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await viewer.goto(link);
  await viewer.getByLabel("Name").fill("Victor");
  await viewer.getByLabel("Password").fill(PASSWORD);
  await viewer.getByRole("button", { name: /create/i }).click();
  await expect(viewer).toHaveURL(new RegExp(`/w/${owner.slug}/overview`));

  await viewer.goto(`/w/${owner.slug}/settings/tokens`);
  await expect(viewer.getByText("Only admins and owners can manage API tokens.")).toBeVisible();
  await expect(viewer.getByLabel("Token name")).toHaveCount(0);
  const refused = await trpcMutation(viewer.request, "tokens.create", {
    workspace: owner.slug,
    name: "sneaky",
    role: "viewer",
    expiresInDays: null,
  });
  expect(refused.status).toBe(403);
  expect(refused.body.error?.json.data.code).toBe("FORBIDDEN");

  await page.reload();
  await expect(page.getByRole("cell", { name: viewerEmail })).toBeVisible();
  await viewerContext.close();
});

test("an admin creates a token, sees it once, uses it from CI, and revokes it", async ({ page, request }) => {
  const owner = await makeUserWithWorkspace("Tess");
  await signIn(page, owner.user.email);
  await page.goto(`/w/${owner.slug}/settings/tokens`);
  await page.getByLabel("Token name").fill("GitHub Actions");
  await page.getByLabel("Token role").selectOption("editor");
  await page.getByRole("button", { name: /create token/i }).click();
  const token = await page.getByLabel("New token").inputValue();
  expect(token).toMatch(/^ldr_/);

  const whoami = await request.get("/api/v1/whoami", { headers: { authorization: `Bearer ${token}` } });
  expect(whoami.status()).toBe(200);
  expect(await whoami.json()).toMatchObject({ workspace: owner.slug, role: "editor" });

  await page.reload();
  await expect(page.getByLabel("New token")).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0);
  await page
    .getByRole("button", { name: /revoke/i })
    .first()
    .click();
  const confirm = page.getByRole("button", { name: /confirm|yes, revoke/i });
  if (await confirm.count()) await confirm.first().click();
  await expect(page.getByText(/revoked/i).first()).toBeVisible();

  const refused = await request.get("/api/v1/whoami", { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.message).toContain("was revoked");

  await page.goto(`/w/${owner.slug}/settings/audit`);
  await expect(page.getByRole("table")).toContainText(/token/i);
});

test("an owner deletes a workspace only by typing its address, and lands where they can create one", async ({ page }) => {
  const owner = await makeUserWithWorkspace("Dora");
  await signIn(page, owner.user.email);
  await page.goto(`/w/${owner.slug}/settings`);
  const confirmation = page.getByLabel("Type the workspace address to confirm");
  await confirmation.fill("Dora's workspace");
  await page.getByRole("button", { name: "Delete workspace" }).click();
  await expect(page.getByText(`Type ${owner.slug} to confirm the deletion.`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/w/${owner.slug}/settings`));

  await confirmation.fill(owner.slug);
  await page.getByRole("button", { name: "Delete workspace" }).click();
  await expect(page).toHaveURL(/\/workspaces\/new/);
  expect((await page.goto(`/w/${owner.slug}/overview`))?.status()).toBe(404);
});
