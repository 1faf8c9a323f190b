import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checks } from "./catalogue";

// Every automated check has a golden test that names it (hand-built evidence in, result out);
// manual checks share one in manual-checks.test.ts. A new check without a test fails here.

const rulesDir = path.join(__dirname, "rules");
const ruleTests = readdirSync(rulesDir)
  .filter((f) => f.endsWith(".test.ts"))
  .map((f) => readFileSync(path.join(rulesDir, f), "utf8"))
  .join("\n");

describe("golden tests", () => {
  it.each(checks.filter((c) => c.mode === "automated").map((c) => [c.id]))("%s has one in rules/", (checkId) => {
    expect(ruleTests).toContain(`"${checkId}"`);
  });
});
