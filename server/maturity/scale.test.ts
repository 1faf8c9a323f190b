import { describe, expect, it } from "vitest";
import { checks } from "./catalogue";
import { evaluateWorkspace } from "./evaluate";
import { account, daysAgo, NOW, nextId, organizationEvidence, ROOT, scp, SYNC_SOURCES } from "./test-evidence";

// The benchmark asks for 1,000 accounts under 10 s; this guards against accidental
// quadratic work well inside that budget, with evidence rows for every account.
describe("evaluation at organisation scale", () => {
  it("evaluates 1,000 prod accounts with their evidence in a few seconds", () => {
    const evidence = organizationEvidence();
    evidence.accounts = [];
    evidence.sourceSyncs = [];
    evidence.scps = [scp("Guard", [{ Effect: "Deny", Action: "cloudtrail:StopLogging", Resource: "*" }], [[ROOT, "ROOT"]])];
    for (let i = 0; i < 1000; i++) {
      const accountId = String(100_000_000_000 + i);
      evidence.accounts.push(account({ accountId }));
      for (const source of SYNC_SOURCES) {
        evidence.sourceSyncs.push({ id: nextId("sync"), accountId, source, status: "succeeded", observedAt: daysAgo(1) });
      }
      for (let r = 0; r < 5; r++) {
        evidence.samplingRules.push({
          id: nextId("rule"),
          accountId,
          region: "us-east-1",
          ruleName: `rule-${r}`,
          priority: r,
          fixedRate: 0.1,
          reservoirSize: 1,
          serviceName: "*",
          observedAt: daysAgo(1),
        });
      }
    }
    const started = performance.now();
    const evaluation = evaluateWorkspace(evidence, { now: NOW });
    const elapsed = performance.now() - started;
    expect(evaluation.results).toHaveLength(1000 * checks.length);
    expect(elapsed).toBeLessThan(5000);
  });
});
