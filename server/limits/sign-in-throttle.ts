import { recordAudit } from "~/server/audit/audit.service";
import { db } from "~/server/db";
import { env } from "~/server/env";
import { tooManyRequests } from "~/server/errors";
import { clearBucket, giveBackToBucket, lockBucketIfFull, takeFromBucket, type Reservation } from "./rate-limit";

// Failed password sign-ins are limited per email (guessing one account's password) and per
// client address (trying many accounts from one place). Unknown emails are counted like known
// ones, so a refusal says nothing about which accounts exist.

const BY_EMAIL = "signin:email";
const BY_ADDRESS = "signin:address";

export interface SignInAttempt {
  email: string;
  address?: string;
  now: Date;
  reservations: Reservation[];
}

function limitOf(scope: string): number {
  const e = env();
  return scope === BY_EMAIL ? e.LADDER_SIGNIN_MAX_FAILURES_PER_EMAIL : e.LADDER_SIGNIN_MAX_FAILURES_PER_ADDRESS;
}

export function signInThrottledMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

// Each attempt is counted as a failure before its password is checked, and given back if it
// succeeds: counting only after the check would let a burst of parallel guesses all pass while
// none of them had failed yet. Throws TOO_MANY_REQUESTS (with Retry-After) when either the
// email or the address is locked or has no attempts left in its window.
export async function startSignInAttempt(opts: { email: string; address?: string; now: Date }): Promise<SignInAttempt> {
  const windowSeconds = env().LADDER_SIGNIN_WINDOW_MINUTES * 60;
  const keys = [{ scope: BY_EMAIL, key: opts.email }, ...(opts.address ? [{ scope: BY_ADDRESS, key: opts.address }] : [])];
  const reservations = await Promise.all(
    keys.map((k) => takeFromBucket({ ...k, limit: limitOf(k.scope), windowSeconds, now: opts.now })),
  );
  const refused = reservations.filter((r) => !r.isAllowed);
  if (refused.length > 0) {
    // A refused attempt checks no password, so it counts against neither key: otherwise a
    // locked-out address could go on filling another person's email count.
    await Promise.all(reservations.filter((r) => r.isAllowed).map((r) => giveBackToBucket(r)));
    const retryAfter = Math.max(...refused.map((r) => r.retryAfterSeconds));
    throw tooManyRequests(signInThrottledMessage(retryAfter), retryAfter);
  }
  return { email: opts.email, address: opts.address, now: opts.now, reservations };
}

// The attempt's counts stay; a key whose window is now full is locked, and a new lockout is
// written to the server log and, for an account, to the audit log of each of its workspaces.
export async function recordSignInFailure(attempt: SignInAttempt, user: { id: string } | null): Promise<void> {
  const lockSeconds = env().LADDER_SIGNIN_LOCKOUT_MINUTES * 60;
  await Promise.all(
    attempt.reservations.map(async (r) => {
      const limit = limitOf(r.scope);
      const lockedUntil = await lockBucketIfFull({ ...r, limit, lockSeconds, now: attempt.now });
      if (!lockedUntil) return;
      const who = r.scope === BY_EMAIL ? `email ${r.key}` : `address ${r.key}`;
      console.warn(`sign-in: ${who} locked until ${lockedUntil.toISOString()} after ${limit} failed sign-ins`);
      if (r.scope === BY_EMAIL && user) {
        await auditAccountLockout({ userId: user.id, lockedUntil, failures: limit, address: attempt.address });
      }
    }),
  );
}

// Success forgets the email's failures: only someone who knows the password can get here.
// The address only gets this attempt back. Clearing it would let an attacker with an account of
// their own sign in to it between guesses at other accounts and never reach the address limit.
export async function recordSignInSuccess(attempt: SignInAttempt): Promise<void> {
  await Promise.all(attempt.reservations.map((r) => (r.scope === BY_EMAIL ? clearBucket(r) : giveBackToBucket(r))));
}

// The audit log belongs to workspaces, and an account's lockout concerns every workspace it can
// act in, so each of them gets the entry (an account in none has only the server log line).
async function auditAccountLockout(opts: { userId: string; lockedUntil: Date; failures: number; address?: string }) {
  const memberships = await db.membership.findMany({ where: { userId: opts.userId }, select: { workspaceId: true } });
  if (memberships.length === 0) return;
  await db.$transaction(async (tx) => {
    for (const { workspaceId } of memberships) {
      await recordAudit(tx, {
        workspaceId,
        actor: { label: "sign-in throttle" },
        action: "user.locked_out",
        targetType: "user",
        targetId: opts.userId,
        data: {
          lockedUntil: opts.lockedUntil.toISOString(),
          failures: opts.failures,
          ...(opts.address ? { address: opts.address } : {}),
        },
      });
    }
  });
}
