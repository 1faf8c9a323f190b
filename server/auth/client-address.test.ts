import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const forwardedFor = (value?: string) => new Headers(value === undefined ? {} : { "x-forwarded-for": value });

describe("client address", () => {
  it("trusts the entry our proxies wrote, not the ones the client sent before them", () => {
    expect(clientAddress(forwardedFor("203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddress(forwardedFor("6.6.6.6, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddress(forwardedFor("6.6.6.6, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
  });

  it("takes the first entry when there are fewer than the proxies, and none without the header", () => {
    expect(clientAddress(forwardedFor(" 203.0.113.9 "), 3)).toBe("203.0.113.9");
    expect(clientAddress(forwardedFor(), 1)).toBeUndefined();
    expect(clientAddress(forwardedFor(" , "), 1)).toBeUndefined();
  });
});
