// CSRF: a browser attaches the session cookie to every request to this site, even one that a page
// on another site starts (a form post, a no-cors fetch). Such a write is refused unless it is
// authenticated by something a browser never sends on its own: an API token under /api/v1/, where
// a request with an Authorization header is authenticated by that header alone and never by the
// cookie (server/api/principal.ts). Everywhere else, tRPC included, the cookie is what counts, so
// the origin is checked whatever other headers the request carries. Standard Request only, so that
// the proxy and route handlers outside its matcher (uploads) make the same decision.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const TOKEN_API_PREFIX = "/api/v1/";

export function hasBearerToken(headers: Headers): boolean {
  return /^Bearer\s/i.test(headers.get("authorization") ?? "");
}

function isTokenAuthenticated(request: Request): boolean {
  return request.headers.get("authorization") !== null && new URL(request.url).pathname.startsWith(TOKEN_API_PREFIX);
}

// A browser always sends Origin (or at least Sec-Fetch-Site) on cross-site POSTs.
export function isCrossSiteWrite(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  if (isTokenAuthenticated(request)) return false;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

// The answer to a refused write, the same from the proxy and from a route handler.
export function crossSiteWriteRefused(): Response {
  return Response.json(
    { error: { code: "CSRF", message: "Cross-site request refused. Use the app itself, or an API token." } },
    { status: 403 },
  );
}
