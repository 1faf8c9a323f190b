import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER, requestPath } from "~/server/auth/callback-path";
import { crossSiteWriteRefused, isCrossSiteWrite } from "~/server/auth/csrf";

// Runs before every page and API request: a per-request CSP nonce for Next's inline scripts,
// CSRF protection for every state-changing request that a browser could send with cookies
// (server/auth/csrf.ts; route handlers outside the matcher call it themselves), and the path
// asked for, so a sign-in redirect from any layout or page can come back to it.

function contentSecurityPolicy(nonce: string, isDev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  if (isCrossSiteWrite(request)) return crossSiteWriteRefused();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  // Set, never passed through: a client's own header of this name is replaced.
  requestHeaders.set(REQUEST_PATH_HEADER, requestPath(request.nextUrl));
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // POST /api/v1/uploads is left out: the proxy would hold a request's whole body (and cut it
  // at proxyClientMaxBodySize) before the route could stream it; the route checks CSRF itself.
  // Probes and scrapes (GET only, no session, no page) are left out to stay cheap.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/v1/uploads$|api/health$|api/ready$|api/metrics$).*)" }],
};
