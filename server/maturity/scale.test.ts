import { describe, expect, it } from "vitest";
import { checks } from "./catalogue";
import { evaluateWorkspace } from "./evaluate";
import { account, daysAgo, NOW, nextId, organizationEvidence, ROOT, scp, SYNC_SOURCES } from "./test-evidence";

// Every check judges every one of 1,000 accounts with their evidence rows. How long it takes is
// measured by `npm run bench:maturity` (goal under 10 s), not here.
describe("evaluation at organisation scale", () => {
  it("evaluates 1,000 prod accounts with their evidence", () => {
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
    const evaluation = evaluateWorkspace(evidence, { now: NOW });
    expect(evaluation.results).toHaveLength(1000 * checks.length);
  });
});
