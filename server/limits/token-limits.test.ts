import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "~/app/api/v1/maturity/export/route";
import { resetEnvCache } from "~/server/env";
import { uniqueSuffix, workspaceWithOwner } from "~/server/test/fixtures";
import { createSession } from "~/server/users/users.service";
import { limitTokenRequest } from "./token-limits";

const start = new Date("2026-12-02T10:00:00.000Z");
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

function exportAs(headers: Record<string, string>, query = "format=json&env=all") {
  return exportRoute(new Request(`http://ladder.test/api/v1/maturity/export?${query}`, { headers }));
}

describe("API token rate limits", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvCache();
  });

  it("answers an export over the token's hourly limit with 429, Retry-After and a JSON error; other tokens go on", async () => {
    vi.stubEnv("LADDER_TOKEN_EXPORTS_PER_HOUR", "3");
    resetEnvCache();
    const { caller, slug } = await workspaceWithOwner("Exporter");
    const { token } = await caller.tokens.create({ workspace: slug, name: "BI", role: "viewer" });
    const { token: other } = await caller.tokens.create({ workspace: slug, name: "Other BI", role: "viewer" });
    const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

    for (let i = 0; i < 3; i++) expect((await exportAs(bearer(token))).status).toBe(200);
    const refused = await exportAs(bearer(token));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(59 * 60);
    expect(retryAfter).toBeLessThanOrEqual(60 * 60);
    expect(await refused.json()).toEqual({
      error: {
        code: "TOO_MANY_REQUESTS",
        message: "This API token has made its 3 exports for this hour; try again in 60 minutes.",
      },
    });

    expect((await exportAs(bearer(other))).status).toBe(200);
  });

  it("does not limit exports made with a browser session", async () => {
    vi.stubEnv("LADDER_TOKEN_EXPORTS_PER_HOUR", "1");
    resetEnvCache();
    const { owner, slug } = await workspaceWithOwner("Browser");
    const { sessionToken } = await createSession({ userId: owner.id });
    const cookie = { cookie: `next-auth.session-token=${sessionToken}` };
    for (let i = 0; i < 3; i++) expect((await exportAs(cookie, `format=json&env=all&workspace=${slug}`)).status).toBe(200);
  });

  it("counts uploads and exports apart, per hour", async () => {
    vi.stubEnv("LADDER_TOKEN_UPLOADS_PER_HOUR", "2");
    vi.stubEnv("LADDER_TOKEN_EXPORTS_PER_HOUR", "1");
    resetEnvCache();
    const tokenId = `token-${uniqueSuffix()}`;
    const limit = (action: "upload" | "export", at: Date) => limitTokenRequest({ tokenId, action, now: at });

    await limit("upload", minutes(0));
    await limit("upload", minutes(10));
    await limit("export", minutes(10));
    await expect(limit("upload", minutes(40))).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      retryAfterSeconds: 20 * 60,
      message: "This API token has made its 2 uploads for this hour; try again in 20 minutes.",
    });
    await expect(limit("export", minutes(40))).rejects.toMatchObject({ retryAfterSeconds: 30 * 60 });
    await expect(limit("upload", minutes(60))).resolves.toBeUndefined();
  });
});
