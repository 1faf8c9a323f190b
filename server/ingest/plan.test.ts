import { describe, expect, it } from "vitest";
import { queueOrder } from "./plan";

const sources = ["scans", "chaos", "incidents", "delivery", "tracing"];

function organisation(accounts: number) {
  const tasks = [{ id: "org", awsAccountRef: "a0", source: "organization" }];
  for (let a = 0; a < accounts; a++)
    for (const source of sources) tasks.push({ id: `${a}:${source}`, awsAccountRef: `a${a}`, source });
  tasks.push({ id: "cost", awsAccountRef: "a0", source: "cost" });
  return tasks;
}

// The most tasks of one account, and of one source, among any `width` consecutive tasks.
function crowding(tasks: { awsAccountRef: string; source: string }[], width: number) {
  let account = 0;
  let source = 0;
  for (let start = 0; start + width <= tasks.length; start++) {
    const window = tasks.slice(start, start + width);
    const most = (values: string[]) => {
      const counts = new Map<string, number>();
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
      return Math.max(...counts.values());
    };
    account = Math.max(account, most(window.map((t) => t.awsAccountRef)));
    source = Math.max(source, most(window.map((t) => t.source)));
  }
  return { account, source };
}

describe("queueOrder", () => {
  it("puts organisation-wide tasks first and keeps every task once", () => {
    const tasks = organisation(12);
    const ordered = queueOrder(tasks);
    expect(ordered.slice(0, 2).map((t) => t.id)).toEqual(["org", "cost"]);
    expect(ordered.map((t) => t.id).sort()).toEqual(tasks.map((t) => t.id).sort());
  });

  it("spreads any 24 consecutive tasks over accounts and sources, so a worker rarely waits on a limit", () => {
    const ordered = queueOrder(organisation(200)).slice(2);
    // 24 workers, at most 2 tasks per account and 8 per service at once (the benchmark's limits).
    expect(crowding(ordered, 24)).toEqual({ account: 1, source: 5 });
  });

  it("still spreads accounts whose source lists differ in length", () => {
    const tasks = organisation(30).filter((t) => !(t.source === "tracing" && t.awsAccountRef.endsWith("7")));
    const ordered = queueOrder(tasks).slice(2);
    expect(crowding(ordered, 24).account).toBe(1);
    expect(ordered).toHaveLength(tasks.length - 2);
  });
});
