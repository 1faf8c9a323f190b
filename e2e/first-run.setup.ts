import { expect, test } from "@playwright/test";
import { PASSWORD, unique } from "./fixtures/accounts";

// Runs before every other journey (playwright.config.ts), while the fresh database has no users:
// the only time the sign-in page offers to create the owner account.
test("the first visitor creates the owner account and goes straight to creating a workspace", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Create the owner account" })).toBeVisible();

  // Every address the page shows from here on, and every moment it shows nothing at all.
  const addresses: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) addresses.push(new URL(frame.url()).pathname);
  });
  await page.evaluate(() => {
    const blanks: string[] = [];
    Object.assign(window, { __blanks: blanks });
    const watch = () => {
      if (!document.body.innerText.trim()) blanks.push(location.pathname);
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });

  await page.getByLabel("Name").fill("Olivia Owner");
  await page.getByLabel("Email").fill(`owner-${unique()}@example.test`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create owner account" }).click();
  await expect(page.getByRole("heading", { name: "Create a workspace" })).toBeVisible();
  await expect(page).toHaveURL(/\/workspaces\/new$/);
  expect(addresses).toEqual(["/workspaces/new"]);
  expect(await page.evaluate(() => (window as unknown as { __blanks: string[] }).__blanks)).toEqual([]);

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Create a workspace" })).toBeVisible();
});
