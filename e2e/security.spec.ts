import { expect, test } from "@playwright/test";
import { makeUser, signIn } from "./fixtures/accounts";

test("pages carry a nonce-based CSP, frame-ancestors and a referrer policy", async ({ request }) => {
  const response = await request.get("/signin");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
});

test("a cross-site state-changing request is refused even with a valid session", async ({ page }) => {
  const user = await makeUser("Csrf");
  await signIn(page, user.email);
  const response = await page.request.post("/api/trpc/workspaces.create", {
    data: { json: { name: "Evil", slug: "evil-corp" } },
    headers: { origin: "https://evil.example" },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe("CSRF");
  const list = await page.request.get(`/api/trpc/workspaces.list?input=${encodeURIComponent(JSON.stringify({ json: null }))}`);
  expect(JSON.stringify(await list.json())).not.toContain("evil-corp");
});

test("the REST API answers a missing token with a JSON error", async ({ request }) => {
  const response = await request.get("/api/v1/whoami");
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: { code: "UNAUTHORIZED", message: expect.stringContaining("Bearer") } });
});
