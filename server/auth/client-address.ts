import { env } from "~/server/env";

// The address a request came from, as far as this server can know it. Route handlers do not see
// the socket: Next.js passes it on as `X-Forwarded-For` only when the request has no such header
// (base-server.js, `??=`). A reverse proxy appends the address it received the request from, so
// every entry left of the ones our own proxies added was written by the client and proves
// nothing. We therefore trust the entry LADDER_TRUSTED_PROXY_HOPS places from the right (1: the
// last one), never the first. Without any proxy in front, a client that sends its own header
// chooses its address; the per-email throttle does not depend on it. Undefined when there is no
// header at all, which under Next.js means an in-process call (a test, a server component).
export function clientAddress(headers: Headers, hops: number = env().LADDER_TRUSTED_PROXY_HOPS): string | undefined {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[Math.max(0, entries.length - hops)];
}
