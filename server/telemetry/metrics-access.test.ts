import { describe, expect, it } from "vitest";
import { checkMetricsAccess, isLoopback } from "./metrics-access";

describe("who may read the metrics", () => {
  it("with a token, takes exactly that Bearer token, from anywhere", () => {
    const token = "s3cret-token";
    expect(checkMetricsAccess({ authorization: "Bearer s3cret-token", peerAddress: "10.0.0.5", token })).toEqual({
      allowed: true,
    });
    for (const authorization of [null, "Bearer s3cret", "Basic s3cret-token", "Bearer s3cret-token-and-more"]) {
      expect(checkMetricsAccess({ authorization, peerAddress: "127.0.0.1", token })).toMatchObject({
        allowed: false,
        status: 401,
      });
    }
  });

  it("without a token, answers loopback peers only", () => {
    for (const peerAddress of ["127.0.0.1", "::1", "::ffff:127.0.0.1"])
      expect(checkMetricsAccess({ authorization: null, peerAddress, token: undefined }).allowed).toBe(true);
    for (const peerAddress of ["10.0.0.5", "::ffff:192.168.1.2", "fe80::1", undefined])
      expect(checkMetricsAccess({ authorization: null, peerAddress, token: undefined })).toMatchObject({
        allowed: false,
        status: 403,
      });
  });

  it("knows loopback addresses", () => {
    expect(isLoopback("127.8.9.10")).toBe(true);
    expect(isLoopback("128.0.0.1")).toBe(false);
    expect(isLoopback("localhost")).toBe(false);
  });
});
