import { randomBytes } from "node:crypto";
import { hashPassword, verifyPasswordOrDummy } from "~/server/auth/password";
import { db } from "~/server/db";
import { isUniqueViolation } from "~/server/db/errors";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";
import { recordSignInFailure, recordSignInSuccess, startSignInAttempt } from "~/server/limits/sign-in-throttle";
import { acceptInvitation, findInvitation } from "~/server/workspaces/invitations.service";

export async function hasAnyUser(): Promise<boolean> {
  return (await db.user.count()) > 0;
}

export async function createLocalUser(opts: { email: string; name: string; password: string }) {
  try {
    return await db.user.create({
      data: { email: opts.email.toLowerCase(), name: opts.name, passwordHash: await hashPassword(opts.password) },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `A user with the email ${opts.email} already exists.`, "email");
    throw error;
  }
}

// The first-run owner account of the embedded default; refused once anyone exists.
export async function createFirstOwner(opts: { email: string; name: string; password: string }) {
  if (await hasAnyUser()) {
    throw new AppError("CONFLICT", "Ladder already has users; sign in instead, or ask an admin to invite you.");
  }
  return createLocalUser(opts);
}

export async function registerInvitedUser(opts: { token: string; name: string; password: string }) {
  const invitation = await findInvitation(opts.token);
  if (!invitation) throw new AppError("NOT_FOUND", "This invitation link is not valid any more.");
  // Checked before the user is created: acceptInvitation would refuse too, but only afterwards.
  if (invitation.isExpired) {
    throw new AppError("BAD_REQUEST", "This invitation has expired. Ask an admin of the workspace for a new one.");
  }
  const user = await createLocalUser({ email: invitation.email, name: opts.name, password: opts.password });
  await acceptInvitation({ userId: user.id, email: user.email, token: opts.token });
  return { user, workspace: invitation.workspace.slug };
}

// `address` is the client's (server/auth/client-address.ts); `now` is for tests of the throttle.
export async function verifyLocalCredentials(opts: { email: string; password: string; address?: string; now?: Date }) {
  const email = opts.email.toLowerCase();
  const attempt = await startSignInAttempt({ email, address: opts.address, now: opts.now ?? new Date() });
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, passwordHash: true } });
  const ok = await verifyPasswordOrDummy(opts.password, user?.passwordHash);
  if (!user || !ok) {
    await recordSignInFailure(attempt, user);
    throw new AppError("UNAUTHORIZED", "That email and password do not match an account.");
  }
  await recordSignInSuccess(attempt);
  return { id: user.id, email: user.email };
}

// Sessions live in the same table next-auth's Prisma adapter reads, so a local sign-in and an
// OAuth sign-in end up in the same kind of session.
export async function createSession(opts: { userId: string }) {
  const sessionToken = randomBytes(32).toString("base64url");
  const expires = new Date(Date.now() + env().LADDER_SESSION_DAYS * 86_400_000);
  await db.session.create({ data: { sessionToken, userId: opts.userId, expires } });
  return { sessionToken, expires };
}

export async function findUserBySession(sessionToken: string) {
  const session = await db.session.findUnique({
    where: { sessionToken },
    select: { expires: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!session || session.expires < new Date()) return null;
  return session.user;
}

export async function deleteSession(sessionToken: string) {
  await db.session.deleteMany({ where: { sessionToken } });
}
