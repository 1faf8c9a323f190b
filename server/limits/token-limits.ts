import { env } from "~/server/env";
import { tooManyRequests } from "~/server/errors";
import { takeFromBucket } from "./rate-limit";

export type TokenAction = "upload" | "export";

const WINDOW_SECONDS = 3600;

function hourlyLimit(action: TokenAction): number {
  const e = env();
  return action === "upload" ? e.LADDER_TOKEN_UPLOADS_PER_HOUR : e.LADDER_TOKEN_EXPORTS_PER_HOUR;
}

// Counts one request of an API token against its hourly allowance for the action; over it,
// throws TOO_MANY_REQUESTS carrying Retry-After (apiError sends both). Requests made with a
// session are not limited here: a person in a browser is not a CI loop. `now` is for tests.
export async function limitTokenRequest(opts: { tokenId: string; action: TokenAction; now?: Date }): Promise<void> {
  const limit = hourlyLimit(opts.action);
  const reservation = await takeFromBucket({
    scope: `token:${opts.action}`,
    key: opts.tokenId,
    limit,
    windowSeconds: WINDOW_SECONDS,
    now: opts.now ?? new Date(),
  });
  if (reservation.isAllowed) return;
  const minutes = Math.max(1, Math.ceil(reservation.retryAfterSeconds / 60));
  throw tooManyRequests(
    `This API token has made its ${limit} ${opts.action}s for this hour; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    reservation.retryAfterSeconds,
  );
}
