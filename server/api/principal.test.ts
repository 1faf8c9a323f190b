import { describe, expect, it } from "vitest";
import { apiError } from "~/server/api/http";
import { handleExportRequest } from "~/server/maturity/export-request";
import { uniqueSuffix, workspaceWithOwner } from "~/server/test/fixtures";
import { assertTokenWorkspace } from "./principal";

async function workspaceWithToken(name: string) {
  const { caller, slug } = await workspaceWithOwner(name);
  const { token } = await caller.tokens.create({ workspace: slug, name: "CI", role: "viewer" });
  return { slug, token };
}

const exportAs = (token: string, query: string) =>
  handleExportRequest(
    new Request(`http://ladder.test/api/v1/maturity/export?format=json${query}`, {
      headers: { authorization: `Bearer ${token}` },
    }),
  );

describe("a token names its own workspace only", () => {
  it("refuses a token sent with another workspace's slug, the same way whether that workspace exists or not", async () => {
    const a = await workspaceWithToken("TokenA");
    const b = await workspaceWithToken("TokenB");
    const missing = `no-such-${uniqueSuffix()}`;

    for (const other of [b.slug, missing]) {
      const error: unknown = await exportAs(a.token, `&workspace=${other}`).catch((e) => e);
      expect(error).toMatchObject({
        code: "BAD_REQUEST",
        message: `This token belongs to workspace “${a.slug}”, not “${other}”. Leave out “workspace”, or use a token of that workspace.`,
      });
      const response = apiError(error);
      expect(response.status).toBe(400);
    }
  });

  it("accepts a token with its own slug or with none", async () => {
    const a = await workspaceWithToken("TokenOwn");
    expect((await exportAs(a.token, `&workspace=${a.slug}`)).status).toBe(200);
    expect((await exportAs(a.token, "")).status).toBe(200);
  });

  it("leaves a session principal alone: it was found by that slug", () => {
    expect(() =>
      assertTokenWorkspace({ workspaceId: "w1", workspaceSlug: "mine", role: "owner", userId: "u1" }, "other"),
    ).not.toThrow();
    expect(() =>
      assertTokenWorkspace({ workspaceId: "w1", workspaceSlug: "mine", role: "viewer", tokenId: "t1" }, "other"),
    ).toThrow(expect.objectContaining({ code: "BAD_REQUEST", field: "workspace" }));
  });
});
