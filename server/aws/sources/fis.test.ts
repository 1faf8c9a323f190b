import { describe, expect, it } from "vitest";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { chaos } from "~/simulator/data/chaos";
import { fetchFisTemplates, fisExperiments, hasStopConditions } from "./fis";
import { collect, countCalls, demoContext, failureWith, readSample, withThrottling } from "./test-support";

async function* detailed(pages: ReturnType<typeof fisExperiments>) {
  for await (const page of pages) yield page.records;
}

const sim = useAwsSimulator();

function prodAccount(): string {
  const account = sim.current.state.organization.accounts.find((a) => a.environment === "prod");
  if (!account) throw new Error("no prod account");
  return account.id;
}

describe("FIS", () => {
  it("reads templates with their stop conditions and flags the one nothing can stop", async () => {
    const accountId = prodAccount();
    const expected = chaos(sim.current.state.data, accountId).templates;
    const ctx = demoContext(sim.current, accountId);
    const templates = await fetchFisTemplates(ctx);
    expect(templates.map((t) => t.id)).toEqual(expected.map((t) => t.id));
    expect(countCalls(ctx, "GetExperimentTemplate")).toBe(expected.length);
    const unguarded = expected.filter((t) => t.stopConditions.every((c) => c.source === "none")).map((t) => t.id);
    expect(templates.filter((t) => !t.hasStopConditions).map((t) => t.id)).toEqual(unguarded);
    expect(templates[0]).toMatchObject({ arn: expected[0]?.arn, tags: expected[0]?.tags });
    expect(Object.keys(templates[0]?.actions ?? {})).toHaveLength(1);
  });

  it("reads no details of the experiments the caller says it holds", async () => {
    const accountId = prodAccount();
    const expected = chaos(sim.current.state.data, accountId).experiments;
    const ctx = demoContext(sim.current, accountId);
    const held = new Set(expected.slice(1).map((e) => e.id));
    const pages = [];
    for await (const page of fisExperiments(ctx, { known: (l) => held.has(l.id) })) pages.push(page);
    expect(pages.flatMap((p) => p.records.map((r) => r.id))).toEqual([expected[0]!.id]);
    expect(pages.flatMap((p) => p.unchanged.map((l) => l.id)).sort()).toEqual([...held].sort());
    expect(pages.flatMap((p) => p.unchanged).find((l) => l.id === expected[1]!.id)).toMatchObject({
      templateId: expected[1]!.template.id,
      status: expected[1]!.status,
      reason: expected[1]!.reason,
      tags: expected[1]!.tags,
    });
    expect(countCalls(ctx, "GetExperiment")).toBe(1);
  });

  it("reads every experiment across listing pages", async () => {
    const accountId = prodAccount();
    const expected = chaos(sim.current.state.data, accountId).experiments;
    const ctx = demoContext(sim.current, accountId);
    const { records } = await collect(detailed(fisExperiments(ctx, { concurrency: 3 })));
    expect(records.map((e) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
    expect(countCalls(ctx, "GetExperiment")).toBe(expected.length);
    for (const e of expected) {
      expect(records.find((r) => r.id === e.id)).toMatchObject({
        templateId: e.template.id,
        status: e.status,
        startTime: e.startTime,
        endTime: e.endTime,
        tags: e.tags,
      });
    }
  });

  it("reads stop conditions the way real templates write them", () => {
    const template = JSON.parse(
      readSample("fis-experiment-template/aws-samples__fis-template-library/ec2-instances-terminate-template.json"),
    ) as { stopConditions: Array<{ source: string }> };
    expect(hasStopConditions(template.stopConditions.map((c) => ({ source: c.source, value: null })))).toBe(false);
    expect(hasStopConditions([])).toBe(false);
    expect(hasStopConditions([{ source: "aws:cloudwatch:alarm", value: "arn:aws:cloudwatch:…" }])).toBe(true);
  });

  it("has nothing to read in an account without chaos engineering", async () => {
    const staging = sim.current.state.organization.accounts.find((a) => a.environment === "staging")?.id ?? "";
    expect(await fetchFisTemplates(demoContext(sim.current, staging))).toEqual([]);
  });

  it("surfaces AccessDenied and retries throttling", async () => {
    const ctx = demoContext(sim.current, prodAccount());
    expect(
      await failureWith(sim.current, { service: "fis", action: "GetExperimentTemplate" }, () => fetchFisTemplates(ctx)),
    ).toEqual({ name: "AccessDeniedException", kind: "access-denied" });
    const { result, throttled } = await withThrottling(sim.current, { service: "fis", action: "ListExperiments" }, () =>
      collect(detailed(fisExperiments(ctx))),
    );
    expect(throttled).toBe(2);
    expect(result.records).toHaveLength(chaos(sim.current.state.data, ctx.accountId).experiments.length);
  });
});
