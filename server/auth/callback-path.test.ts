import { describe, expect, it } from "vitest";
import { requestPath, safeCallbackPath } from "./callback-path";

describe("safeCallbackPath", () => {
  it("keeps a path on this site, with its query string and fragment", () => {
    expect(safeCallbackPath("/")).toBe("/");
    expect(safeCallbackPath("/w/platform/overview")).toBe("/w/platform/overview");
    expect(safeCallbackPath("/w/platform/maturity/checks/ci-cd?account=123456789012&env=prod#evidence")).toBe(
      "/w/platform/maturity/checks/ci-cd?account=123456789012&env=prod#evidence",
    );
    // Encoded slashes stay encoded: still a path on this site.
    expect(safeCallbackPath("/%2F%2Fevil.com")).toBe("/%2F%2Fevil.com");
  });

  it.each([
    ["another site, protocol-relative", "//evil.com"],
    ["another site, protocol-relative with a path", "//evil.com/w/platform"],
    ["an absolute URL", "https://evil.com/w/platform"],
    ["an absolute URL to this site's scheme", "http://localhost:3000/w/platform"],
    ["a backslash read as a slash", "/\\evil.com"],
    ["backslashes only", "\\\\evil.com"],
    ["a slash and a backslash", "\\/evil.com"],
    ["a tab the URL parser drops", "/\t/evil.com"],
    ["a newline the URL parser drops", "/\n/evil.com"],
    ["a carriage return", "/\r/evil.com"],
    ["a leading space", " /w/platform"],
    ["a NUL", "/w/\u0000platform"],
    ["dot segments that collapse to two slashes", "/..//evil.com"],
    ["encoded dot segments that collapse to two slashes", "/%2e%2e//evil.com"],
    ["a single dot segment before two slashes", "/.//evil.com"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a javascript: URL in capitals", "JaVaScRiPt:alert(1)"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["a relative path", "w/platform"],
    ["an empty string", ""],
  ])("refuses %s", (_, value) => {
    expect(safeCallbackPath(value)).toBeUndefined();
  });

  it("refuses anything but one string", () => {
    expect(safeCallbackPath(undefined)).toBeUndefined();
    expect(safeCallbackPath(["/w/a", "/w/b"])).toBeUndefined();
    expect(safeCallbackPath(42)).toBeUndefined();
    expect(safeCallbackPath(`/${"a".repeat(5000)}`)).toBeUndefined();
  });
});

describe("requestPath", () => {
  it("is the path and query string asked for, without the router's own cache key", () => {
    expect(requestPath(new URL("http://localhost/w/a/maturity/checks/x?account=123456789012&_rsc=1abc"))).toBe(
      "/w/a/maturity/checks/x?account=123456789012",
    );
    expect(requestPath(new URL("http://localhost/w/a/overview?_rsc=xyz"))).toBe("/w/a/overview");
    expect(requestPath(new URL("http://localhost/w/a/sync"))).toBe("/w/a/sync");
  });
});
