// Where to go back to after signing in. Only a path on this site is kept, so a crafted link
// cannot send a fresh session to another site.

const THIS_SITE = "http://ladder.invalid";
const MAX_LENGTH = 2048;

// The proxy passes every page request's own path to the server under this header, because
// layouts and pages are not told their URL (a layout's sign-in redirect would lose the page).
export const REQUEST_PATH_HEADER = "x-ladder-path";

export function safeCallbackPath(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > MAX_LENGTH) return undefined;
  // Browsers read a backslash as a slash and drop tabs and newlines, so "/\evil.com" and
  // "/\t/evil.com" would both become "//evil.com", another site.
  if (!value.startsWith("/") || /[\\\s\u0000-\u001f\u007f]/.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value, THIS_SITE);
  } catch {
    return undefined;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Checked after parsing too: dot segments ("/..//evil.com", "/%2e%2e//evil.com") collapse to "//".
  if (url.origin !== THIS_SITE || path.startsWith("//")) return undefined;
  return path;
}

// The path and query string of a request, without the `_rsc` key the App Router adds to its own fetches.
export function requestPath(url: URL): string {
  const query = new URLSearchParams(url.search);
  query.delete("_rsc");
  const search = query.toString();
  return `${url.pathname}${search ? `?${search}` : ""}`;
}
