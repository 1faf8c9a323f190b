import { afterEach, describe, expect, it, vi } from "vitest";
import { isLocalLoginAllowed, resetEnvCache } from "~/server/env";
import { anonymousCaller, callerWithSession, createTestUser } from "~/server/test/fixtures";

describe("local sign-in", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvCache();
  });

  it("is allowed outside production, and in production only with LADDER_ALLOW_LOCAL_LOGIN", () => {
    expect(isLocalLoginAllowed({ NODE_ENV: "development", LADDER_ALLOW_LOCAL_LOGIN: false })).toBe(true);
    expect(isLocalLoginAllowed({ NODE_ENV: "production", LADDER_ALLOW_LOCAL_LOGIN: false })).toBe(false);
    expect(isLocalLoginAllowed({ NODE_ENV: "production", LADDER_ALLOW_LOCAL_LOGIN: true })).toBe(true);
  });

  it("signs in with the right password, sets a session cookie, and signs out", async () => {
    const user = await createTestUser("Pat");
    const { caller, resHeaders } = await anonymousCaller();
    await caller.auth.signIn({ email: user.email.toUpperCase(), password: "correct horse battery staple" });
    const cookie = resHeaders.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^next-auth\.session-token=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    const token = decodeURIComponent(cookie.split(";")[0]!.split("=")[1]!);
    const signedIn = await callerWithSession(token);
    expect(await signedIn.auth.me()).toMatchObject({ id: user.id });
    await signedIn.auth.signOut();
    expect(await (await callerWithSession(token)).auth.me()).toBeNull();
  });

  it("refuses a wrong password without saying which part was wrong", async () => {
    const user = await createTestUser("Wrong");
    const { caller, resHeaders } = await anonymousCaller();
    await expect(caller.auth.signIn({ email: user.email, password: "nope" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      message: "That email and password do not match an account.",
    });
    expect(resHeaders.get("set-cookie")).toBeNull();
  });

  it("is refused in production unless LADDER_ALLOW_LOCAL_LOGIN is set", async () => {
    const user = await createTestUser("Prod");
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("LADDER_ALLOW_LOCAL_LOGIN", "");
    resetEnvCache();
    const refused = await anonymousCaller();
    await expect(
      refused.caller.auth.signIn({ email: user.email, password: "correct horse battery staple" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("LADDER_ALLOW_LOCAL_LOGIN=1"),
    });
    expect(refused.resHeaders.get("set-cookie")).toBeNull();

    vi.stubEnv("LADDER_ALLOW_LOCAL_LOGIN", "1");
    resetEnvCache();
    const allowed = await anonymousCaller();
    await expect(
      allowed.caller.auth.signIn({ email: user.email, password: "correct horse battery staple" }),
    ).resolves.toBeDefined();
  });
});
