import { randomBytes } from "node:crypto";
import { createCaller } from "~/server/api/root";
import { createTRPCContext } from "~/server/api/trpc";
import { createSession, createLocalUser } from "~/server/users/users.service";

export const uniqueSuffix = () => randomBytes(4).toString("hex");

export async function createTestUser(name = "Tester") {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${uniqueSuffix()}@example.test`;
  return createLocalUser({ email, name, password: "correct horse battery staple" });
}

export async function callerFor(user: { id: string } | null) {
  const session = user ? await createSession({ userId: user.id }) : undefined;
  return callerWithSession(session?.sessionToken);
}

export async function callerWithSession(sessionToken: string | undefined) {
  const headers = new Headers();
  if (sessionToken) headers.set("cookie", `next-auth.session-token=${sessionToken}`);
  const resHeaders = new Headers();
  const ctx = await createTRPCContext({ headers, resHeaders });
  return createCaller(ctx);
}

// A signed-out caller whose response headers (Set-Cookie) the test can read.
export async function anonymousCaller() {
  const resHeaders = new Headers();
  const ctx = await createTRPCContext({ headers: new Headers(), resHeaders });
  return { caller: createCaller(ctx), resHeaders };
}

export async function workspaceWithOwner(name = "Owner") {
  const owner = await createTestUser(name);
  const caller = await callerFor(owner);
  const workspace = await caller.workspaces.create({ name: `${name}'s workspace`, slug: `ws-${uniqueSuffix()}` });
  return { owner, caller, workspace, slug: workspace.slug };
}

// Adds a member with a role through the real invitation flow.
export async function addMember(
  ownerCaller: Awaited<ReturnType<typeof callerFor>>,
  slug: string,
  role: "admin" | "editor" | "viewer" | "owner",
  name: string = role,
) {
  const user = await createTestUser(name);
  const invitation = await ownerCaller.members.invite({ workspace: slug, email: user.email, role });
  const caller = await callerFor(user);
  await caller.workspaces.acceptInvitation({ token: invitation.token });
  return { user, caller };
}
