import type * as Crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "~/server/db";
import { createTestUser, uniqueSuffix } from "~/server/test/fixtures";
import { verifyLocalCredentials } from "./users.service";

// Records the scrypt computations a sign-in does: the work an attacker could time. No clocks.
const scryptOptions = vi.hoisted(() => [] as unknown[]);
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof Crypto>();
  const scrypt = (...args: Parameters<typeof Crypto.scrypt>) => {
    scryptOptions.push(args[3]);
    return (actual.scrypt as (...a: unknown[]) => void)(...args);
  };
  return { ...actual, scrypt };
});

async function scryptOptionsOfSignIn(email: string, password: string): Promise<unknown[]> {
  scryptOptions.length = 0;
  await expect(verifyLocalCredentials({ email, password })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  return [...scryptOptions];
}

describe("sign-in refusals do the same work whether or not the account exists", () => {
  it("runs scrypt once, at the same cost, for a wrong password, an unknown email and an account without a password", async () => {
    const user = await createTestUser("Equal");
    const oauthOnly = await db.user.create({
      data: { email: `oauth-${uniqueSuffix()}@example.test`, name: "OAuth" },
      select: { email: true },
    });

    const known = await scryptOptionsOfSignIn(user.email, "wrong password");
    expect(known).toEqual([expect.objectContaining({ N: 2 ** 17, r: 8, p: 1 })]);
    expect(await scryptOptionsOfSignIn(`nobody-${uniqueSuffix()}@example.test`, "wrong password")).toEqual(known);
    expect(await scryptOptionsOfSignIn(oauthOnly.email, "wrong password")).toEqual(known);
  });
});
