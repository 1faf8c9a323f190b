import { describe, expect, it } from "vitest";
import { runLadder } from "~/server/test/ladder-process";
import { missingProductionSettings } from "./production-settings";

// Nothing listens on this address: the check must come before any connection or build.
const DATABASE_URL = "postgresql://ladder:ladder@127.0.0.1:9/ladder";
const SECRET = "a-secret-of-more-than-32-characters";

describe("ladder start on DATABASE_URL without the production settings", () => {
  it("stops before the database and the build, naming both settings", { timeout: 120_000 }, async () => {
    const { code, output } = await runLadder({
      args: ["start"],
      env: { DATABASE_URL, NEXTAUTH_SECRET: undefined, NEXTAUTH_URL: undefined },
    });
    expect(code).toBe(1);
    expect(output.trim()).toMatch(/^ladder: DATABASE_URL is set, .*needs NEXTAUTH_SECRET .* and NEXTAUTH_URL .*: set them/);
    expect(output).not.toContain("Building");
    expect(output).not.toMatch(/^\s+at /m);
  });

  it("names only what is missing", { timeout: 120_000 }, async () => {
    const { code, output } = await runLadder({
      args: ["start"],
      env: { DATABASE_URL, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: undefined },
    });
    expect(code).toBe(1);
    expect(output).toContain("needs NEXTAUTH_URL (the address people open");
    expect(output).not.toContain("NEXTAUTH_SECRET");
  });
});

describe("missingProductionSettings", () => {
  it("asks nothing of the embedded default, of --dev, or of a complete set-up", () => {
    expect(missingProductionSettings({ DATABASE_URL: undefined }, { dev: false })).toBeUndefined();
    expect(missingProductionSettings({ DATABASE_URL }, { dev: true })).toBeUndefined();
    expect(
      missingProductionSettings(
        { DATABASE_URL, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "https://ladder.example.com" },
        { dev: false },
      ),
    ).toBeUndefined();
    expect(missingProductionSettings({ DATABASE_URL, NEXTAUTH_URL: "https://ladder.example.com" }, { dev: false })).toContain(
      "needs NEXTAUTH_SECRET",
    );
  });
});
