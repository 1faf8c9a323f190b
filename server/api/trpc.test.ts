import { describe, expect, it } from "vitest";
import { POST } from "~/app/api/trpc/[trpc]/route";
import { db } from "~/server/db";
import { createTestUser, uniqueSuffix } from "~/server/test/fixtures";
import { createSession } from "~/server/users/users.service";
import { createTRPCContext } from "./trpc";

async function signedInCookie() {
  const user = await createTestUser("Cookie");
  const { sessionToken } = await createSession({ userId: user.id });
  return `next-auth.session-token=${sessionToken}`;
}

const createWorkspace = (slug: string, headers: Record<string, string>) =>
  POST(
    new Request("http://ladder.test/api/trpc/workspaces.create", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ json: { name: "Via cookie", slug } }),
    }),
  );

describe("tRPC authenticates by the session cookie alone", () => {
  it("refuses a request that carries a Bearer token, even with a valid session cookie beside it", async () => {
    const cookie = await signedInCookie();
    const slug = `bearer-${uniqueSuffix()}`;
    const response = await createWorkspace(slug, { cookie, authorization: "Bearer ldr_anything" });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("API tokens work with the REST API under /api/v1/");
    expect(await db.workspace.count({ where: { slug } })).toBe(0);

    await expect(
      createTRPCContext({ headers: new Headers({ cookie, authorization: "bearer ldr_anything" }) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("serves the same request from the cookie when no token is sent", async () => {
    const slug = `cookie-${uniqueSuffix()}`;
    const response = await createWorkspace(slug, { cookie: await signedInCookie() });
    expect(response.status).toBe(200);
    expect(await db.workspace.count({ where: { slug } })).toBe(1);
  });
});
