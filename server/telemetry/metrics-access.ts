import { timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";

// Who may read /api/metrics: with LADDER_METRICS_TOKEN set, whoever sends it as a Bearer token;
// without it, only a scraper on the same machine (loopback). The answer is a reason, so a refused
// scraper learns what to do.
export type MetricsAccess = { allowed: true } | { allowed: false; status: 401 | 403; reason: string };

export function checkMetricsAccess(opts: {
  authorization: string | null | undefined;
  peerAddress: string | undefined;
  token: string | undefined;
}): MetricsAccess {
  if (opts.token) {
    const sent = /^Bearer\s+(.+)$/i.exec(opts.authorization ?? "")?.[1]?.trim() ?? "";
    if (sent && sameSecret(sent, opts.token)) return { allowed: true };
    return { allowed: false, status: 401, reason: "Send the metrics token (LADDER_METRICS_TOKEN) as a Bearer token." };
  }
  if (opts.peerAddress && isLoopback(opts.peerAddress)) return { allowed: true };
  return {
    allowed: false,
    status: 403,
    reason: "Metrics answer only to this machine (loopback) unless LADDER_METRICS_TOKEN is set.",
  };
}

export function isLoopback(address: string): boolean {
  const plain = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (isIP(plain) === 4) return plain.startsWith("127.");
  return plain === "::1";
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
