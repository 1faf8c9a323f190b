import { expect, test } from "@playwright/test";
import { makeUserWithWorkspace, signIn, trpcMutation, trpcQuery } from "./fixtures/accounts";

test("a member of workspace A gets NOT_FOUND for everything of workspace B", async ({ page }) => {
  const a = await makeUserWithWorkspace("Alice");
  const b = await makeUserWithWorkspace("Bob");
  await signIn(page, a.user.email);

  for (const section of ["overview", "settings/members", "settings/tokens", "settings/audit"]) {
    const response = await page.goto(`/w/${b.slug}/${section}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByText(/workspace not found/i)).toBeVisible();
    await expect(page.getByText(b.user.email)).toHaveCount(0);
  }

  for (const path of ["members.list", "tokens.list", "audit.list", "workspaces.current"]) {
    const result = await trpcQuery(page.request, path, { workspace: b.slug });
    expect(result.status, path).toBe(404);
    expect(result.body.error?.json.data.code, path).toBe("NOT_FOUND");
  }
  const write = await trpcMutation(page.request, "members.invite", { workspace: b.slug, email: "x@example.test", role: "admin" });
  expect(write.body.error?.json.data.code).toBe("NOT_FOUND");
});
