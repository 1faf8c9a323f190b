import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "~/proxy";
import { isCrossSiteWrite } from "./csrf";

const SITE = "http://ladder.test";

function post(path: string, headers: Record<string, string>) {
  return new Request(`${SITE}${path}`, { method: "POST", headers: { host: "ladder.test", ...headers } });
}

const cookie = { cookie: "next-auth.session-token=abc" };
const bearer = { authorization: "Bearer ldr_example" };
const evil = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };

describe("isCrossSiteWrite", () => {
  it("refuses a cross-site write to tRPC even when it carries a Bearer token, since tRPC reads the cookie", () => {
    expect(isCrossSiteWrite(post("/api/trpc/workspaces.create", { ...cookie, ...bearer, ...evil }))).toBe(true);
    expect(isCrossSiteWrite(post("/api/trpc/workspaces.create", { ...cookie, ...bearer, origin: evil.origin }))).toBe(true);
  });

  it("lets a token-authenticated REST write through from anywhere: the cookie is not read there", () => {
    expect(isCrossSiteWrite(post("/api/v1/uploads", { ...cookie, ...bearer, ...evil }))).toBe(false);
  });

  it("refuses a cross-site REST write that would be authenticated by the cookie", () => {
    expect(isCrossSiteWrite(post("/api/v1/uploads", { ...cookie, ...evil }))).toBe(true);
    expect(isCrossSiteWrite(post("/api/v1/uploads", { ...cookie, "sec-fetch-site": "same-site" }))).toBe(true);
  });

  it("lets same-origin writes, reads and clients without Origin (curl) through", () => {
    expect(
      isCrossSiteWrite(post("/api/trpc/workspaces.create", { ...cookie, origin: SITE, "sec-fetch-site": "same-origin" })),
    ).toBe(false);
    expect(isCrossSiteWrite(new Request(`${SITE}/api/trpc/workspaces.list`, { headers: { ...cookie, ...evil } }))).toBe(false);
    expect(isCrossSiteWrite(post("/api/trpc/workspaces.create", cookie))).toBe(false);
  });

  it("refuses an unreadable Origin", () => {
    expect(isCrossSiteWrite(post("/api/trpc/workspaces.create", { ...cookie, origin: "null" }))).toBe(true);
  });
});

describe("proxy", () => {
  it("answers a cross-site tRPC write with a Bearer header with 403 CSRF", async () => {
    const response = proxy(new NextRequest(post("/api/trpc/workspaces.create", { ...cookie, ...bearer, ...evil })));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "CSRF", message: expect.any(String) } });
  });

  it("passes a same-origin write on with a CSP nonce", () => {
    const response = proxy(new NextRequest(post("/api/trpc/workspaces.create", { ...cookie, origin: SITE })));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toMatch(/'nonce-[^']+'/);
  });
});
