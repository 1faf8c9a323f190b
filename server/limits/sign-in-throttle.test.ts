import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as trpcPost } from "~/app/api/trpc/[trpc]/route";
import { db } from "~/server/db";
import { resetEnvCache } from "~/server/env";
import { createTestUser, uniqueSuffix, workspaceWithOwner } from "~/server/test/fixtures";
import { verifyLocalCredentials } from "~/server/users/users.service";

const PASSWORD = "correct horse battery staple";
const start = new Date("2026-12-02T10:00:00.000Z");
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
const newAddress = () => `198.51.100.${Math.floor(Math.random() * 250)}-${uniqueSuffix()}`;
const unknownEmail = () => `nobody-${uniqueSuffix()}@example.test`;

// A sign-in at a given time; resolves to "ok", "denied" (401) or "throttled" (429).
async function signInAt(now: Date, email: string, password: string, address?: string) {
  try {
    await verifyLocalCredentials({ email, password, address, now });
    return "ok";
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "UNAUTHORIZED") return "denied";
    if (code === "TOO_MANY_REQUESTS") return "throttled";
    throw error;
  }
}

// The browser's request: tRPC's batch link posting to the real route handler.
function postSignIn(email: string, password: string, address: string) {
  return trpcPost(
    new Request("http://ladder.test/api/trpc/auth.signIn?batch=1", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": address },
      body: JSON.stringify({ 0: { json: { email, password } } }),
    }),
  );
}

describe("sign-in throttle", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvCache();
  });

  it("answers 429 with Retry-After after five failures for an email, even to the right password", async () => {
    const user = await createTestUser("Locked");
    const address = newAddress();
    for (let i = 0; i < 5; i++) expect((await postSignIn(user.email, "wrong guess", address)).status).toBe(401);

    const refused = await postSignIn(user.email, PASSWORD, newAddress());
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const [body] = (await refused.json()) as [{ error: { json: { message: string; data: { httpStatus: number } } } }];
    expect(body.error.json.message).toBe("Too many failed sign-ins; try again in 15 minutes.");
    expect(body.error.json.data.httpStatus).toBe(429);
    expect(refused.headers.get("set-cookie")).toBeNull();
  });

  it("counts unknown emails like known ones, so a refusal does not tell which accounts exist", async () => {
    const email = unknownEmail();
    for (let i = 0; i < 5; i++) expect(await signInAt(start, email, "guess")).toBe("denied");
    expect(await signInAt(start, email, "guess")).toBe("throttled");
  });

  it("lets no more guesses through than the limit when they arrive all at once", async () => {
    const user = await createTestUser("Burst");
    const results = await Promise.all(Array.from({ length: 10 }, () => signInAt(start, user.email, "guess")));
    expect(results.filter((r) => r === "denied")).toHaveLength(5);
    expect(results.filter((r) => r === "throttled")).toHaveLength(5);
  });

  it("lets an email try again when its window ends, and when its lockout ends", async () => {
    vi.stubEnv("LADDER_SIGNIN_MAX_FAILURES_PER_EMAIL", "2");
    resetEnvCache();
    const user = await createTestUser("Window");
    expect(await signInAt(minutes(0), user.email, "wrong")).toBe("denied");
    // The window that began at 0 ended at 15: two new failures fit in the next one.
    expect(await signInAt(minutes(15), user.email, "wrong")).toBe("denied");
    expect(await signInAt(minutes(20), user.email, "wrong")).toBe("denied");
    expect(await signInAt(minutes(21), user.email, PASSWORD)).toBe("throttled");
    // Locked at 20 for 15 minutes.
    expect(await signInAt(minutes(34.9), user.email, PASSWORD)).toBe("throttled");
    expect(await signInAt(minutes(35), user.email, PASSWORD)).toBe("ok");
  });

  it("forgets an email's failures when its owner signs in", async () => {
    vi.stubEnv("LADDER_SIGNIN_MAX_FAILURES_PER_EMAIL", "2");
    resetEnvCache();
    const user = await createTestUser("Typo");
    expect(await signInAt(start, user.email, "typo")).toBe("denied");
    expect(await signInAt(start, user.email, PASSWORD)).toBe("ok");
    expect(await signInAt(start, user.email, "typo")).toBe("denied");
    expect(await signInAt(start, user.email, PASSWORD)).toBe("ok");
  });

  it("limits failures per address across emails, and a success from that address does not clear them", async () => {
    vi.stubEnv("LADDER_SIGNIN_MAX_FAILURES_PER_ADDRESS", "3");
    resetEnvCache();
    const attacker = await createTestUser("Attacker");
    const address = newAddress();
    expect(await signInAt(start, unknownEmail(), "guess", address)).toBe("denied");
    expect(await signInAt(start, unknownEmail(), "guess", address)).toBe("denied");
    expect(await signInAt(start, attacker.email, PASSWORD, address)).toBe("ok");
    expect(await signInAt(start, unknownEmail(), "guess", address)).toBe("denied");
    expect(await signInAt(start, unknownEmail(), "guess", address)).toBe("throttled");
    expect(await signInAt(start, attacker.email, PASSWORD, address)).toBe("throttled");

    // Other addresses, and the same emails from them, are not affected.
    expect(await signInAt(start, attacker.email, PASSWORD, newAddress())).toBe("ok");
    expect(await signInAt(minutes(15), unknownEmail(), "guess", address)).toBe("denied");
  });

  it("does not count a refused attempt against the email", async () => {
    vi.stubEnv("LADDER_SIGNIN_MAX_FAILURES_PER_ADDRESS", "1");
    resetEnvCache();
    const user = await createTestUser("Victim");
    const address = newAddress();
    expect(await signInAt(start, unknownEmail(), "guess", address)).toBe("denied");
    for (let i = 0; i < 10; i++) expect(await signInAt(start, user.email, "guess", address)).toBe("throttled");
    expect(await signInAt(start, user.email, PASSWORD, newAddress())).toBe("ok");
  });

  it("writes one lockout entry to the audit log of each workspace of the locked account", async () => {
    const { owner, caller, workspace } = await workspaceWithOwner("Audited");
    const second = await caller.workspaces.create({ name: "Second", slug: `ws-${uniqueSuffix()}` });
    const address = newAddress();
    for (let i = 0; i < 5; i++) expect(await signInAt(minutes(i), owner.email, "wrong", address)).toBe("denied");
    expect(await signInAt(minutes(5), owner.email, "wrong", address)).toBe("throttled");

    const entries = await db.auditLog.findMany({
      where: { action: "user.locked_out", targetId: owner.id },
      select: { workspaceId: true, actorLabel: true, targetType: true, data: true },
    });
    const entry = (workspaceId: string) => ({
      workspaceId,
      actorLabel: "sign-in throttle",
      targetType: "user",
      data: { lockedUntil: minutes(19).toISOString(), failures: 5, address },
    });
    expect(entries).toHaveLength(2);
    expect(entries).toEqual(expect.arrayContaining([entry(workspace.id), entry(second.id)]));
  });
});
