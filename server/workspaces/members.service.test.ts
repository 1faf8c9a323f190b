import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import type { AppErrorCode } from "~/server/errors";
import { uniqueSuffix } from "~/server/test/fixtures";
import { changeMemberRole, removeMember } from "./members.service";

const ROUNDS = 30;

// A workspace with exactly two owners, A and B (written directly: password hashing for two new
// users per round would make the rounds slow, and the race is in the member change alone).
async function twoOwners() {
  const suffix = uniqueSuffix();
  const workspace = await db.workspace.create({ data: { name: "Two owners", slug: `race-${suffix}` } });
  const [a, b] = await Promise.all(
    ["a", "b"].map((name) =>
      db.user.create({
        data: {
          email: `${name}-${suffix}@example.test`,
          memberships: { create: { workspaceId: workspace.id, role: "owner" } },
        },
      }),
    ),
  );
  return { workspaceId: workspace.id, a: a!.id, b: b!.id };
}

type Change = (workspaceId: string, actorId: string, userId: string) => Promise<unknown>;

const demote: Change = (workspaceId, actorId, userId) =>
  changeMemberRole({ workspaceId, actor: { userId: actorId }, userId, role: "admin" });
const remove: Change = (workspaceId, actorId, userId) => removeMember({ workspaceId, actor: { userId: actorId }, userId });

// Both owners act at the same moment; exactly one may succeed, the other is refused.
async function expectOneOwnerLeft(
  first: (w: string, a: string, b: string) => Promise<unknown>,
  second: typeof first,
  refusal: { code: AppErrorCode; message: string } = {
    code: "CONFLICT",
    message: "A workspace needs at least one owner. Make someone else an owner first.",
  },
) {
  for (let round = 0; round < ROUNDS; round++) {
    const { workspaceId, a, b } = await twoOwners();
    const results = await Promise.allSettled([first(workspaceId, a, b), second(workspaceId, a, b)]);
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused, `round ${round}`).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject(refusal);
    expect(await db.membership.count({ where: { workspaceId, role: "owner" } }), `round ${round}`).toBe(1);
  }
}

describe("at least one owner, under concurrent changes", () => {
  it("lets only one of two owners demote themselves at the same moment", async () => {
    await expectOneOwnerLeft(
      (w, a) => demote(w, a, a),
      (w, _a, b) => demote(w, b, b),
    );
  });

  it("lets only one of two owners leave at the same moment", async () => {
    await expectOneOwnerLeft(
      (w, a) => remove(w, a, a),
      (w, _a, b) => remove(w, b, b),
    );
  });

  // The one removed first is no longer a member when their own removal of the other runs.
  it("lets only one of two owners remove the other at the same moment", async () => {
    await expectOneOwnerLeft(
      (w, a, b) => remove(w, a, b),
      (w, a, b) => remove(w, b, a),
      { code: "NOT_FOUND", message: "That workspace was not found." },
    );
  });

  it("lets only one of two owners succeed when one leaves while the other demotes themselves", async () => {
    await expectOneOwnerLeft(
      (w, a) => remove(w, a, a),
      (w, _a, b) => demote(w, b, b),
    );
  });
});
