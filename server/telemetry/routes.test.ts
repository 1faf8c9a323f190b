import path from "node:path";
import { describe, expect, it } from "vitest";
import { matchRoute, routePatterns, routesFromAppDir } from "./routes";

describe("route of a request path", () => {
  const patterns = routePatterns(routesFromAppDir(path.join(process.cwd(), "app")));

  it("finds the app's routes, without route groups", () => {
    const routes = routesFromAppDir(path.join(process.cwd(), "app"));
    expect(routes).toEqual(
      expect.arrayContaining(["/", "/w/[slug]/maturity", "/api/trpc/[trpc]", "/api/v1/uploads/[id]", "/api/health", "/signin"]),
    );
    expect(routes.some((r) => r.includes("(app)") || r.includes("_components"))).toBe(false);
  });

  it.each([
    ["/", "/"],
    ["/w/acme-platform/maturity", "/w/[slug]/maturity"],
    ["/w/acme-platform/maturity/", "/w/[slug]/maturity"],
    ["/w/acme/maturity/accounts/123456789012", "/w/[slug]/maturity/accounts/[accountId]"],
    ["/workspaces/new", "/workspaces/new"],
    ["/api/trpc/maturity.overview,finops.summary", "/api/trpc/[trpc]"],
    ["/api/v1/uploads/cm3x9k", "/api/v1/uploads/[id]"],
    ["/api/v1/uploads", "/api/v1/uploads"],
    ["/api/auth/callback/github", "/api/auth/[...nextauth]"],
    ["/_next/static/chunks/app.js", "/_next/static"],
    ["/wp-login.php", "other"],
    ["/w/acme/no/such/page", "other"],
  ])("%s is %s", (pathname, route) => {
    expect(matchRoute(patterns, pathname)).toBe(route);
  });

  it("prefers a static segment over a dynamic one", () => {
    const p = routePatterns(["/w/[slug]", "/w/new"]);
    expect(matchRoute(p, "/w/new")).toBe("/w/new");
    expect(matchRoute(p, "/w/acme")).toBe("/w/[slug]");
  });
});
