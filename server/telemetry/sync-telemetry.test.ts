import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getMetrics } from "~/app/api/metrics/route";
import { POST as trpcPost } from "~/app/api/trpc/[trpc]/route";
import { startWorker } from "~/server/ingest/worker";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { startOtlpReceiver, type ReceivedSpan } from "~/server/test/otlp-receiver";
import { parsePrometheusText, sampleSum } from "~/server/test/prometheus-text";
import { waitForRun, workspaceWithDemoOrganization } from "~/server/test/sync-helpers";
import { createSession } from "~/server/users/users.service";
import { scrapeMetrics } from "./scrape";
import { startTelemetry, stopTelemetry } from "./tracing";

// One sync of the demo organisation, with tracing exported to a loopback OTLP receiver and the
// metrics read back through the /api/metrics route handler: both describe the same run.

const sim = useAwsSimulator({ demoRoles: false });
const TOKEN = "metrics-test-token";
let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let run: Awaited<ReturnType<typeof waitForRun>>;
let spans: ReceivedSpan[];
// Counters before the run: connecting the organisation made AWS calls of its own.
let before: ReturnType<typeof parsePrometheusText>;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = receiver.url;
  process.env.OTEL_SERVICE_NAME = "ladder-telemetry-test";
  process.env.LADDER_METRICS_TOKEN = TOKEN;
  expect(await startTelemetry("ladder-worker")).toMatchObject({ serviceName: "ladder-telemetry-test" });
  const worker = await startWorker({ concurrency: 2, pollingIntervalSeconds: 0.5 });
  try {
    const ws = await workspaceWithDemoOrganization(sim.current, "Traced");
    // Throttled twice, then answered: the call's span says so, and the throttle counter counts it.
    sim.current.state.addFault({ kind: "throttle", service: "organizations", action: "ListAccountsForParent", times: 2 });
    before = parsePrometheusText(await scrapeMetrics());
    // Started as the Sync page starts it: a tRPC request, whose span is the run's parent.
    const { sessionToken } = await createSession({ userId: ws.owner.id });
    const response = await trpcPost(
      new Request("http://ladder.test/api/trpc/sync.start", {
        method: "POST",
        headers: { "content-type": "application/json", cookie: `next-auth.session-token=${sessionToken}` },
        body: JSON.stringify({ json: { workspace: ws.slug, sources: ["organization", "chaos"] } }),
      }),
    );
    expect(response.status).toBe(200);
    const started = ((await response.json()) as { result: { data: { json: { id: string } } } }).result.data.json;
    run = await waitForRun(ws.workspace.id, started.id);
  } finally {
    sim.current.state.clearFaults();
    await worker.stop();
    // Shutting the SDK down flushes every span still batched.
    await stopTelemetry();
  }
  spans = receiver.spans;
}, 90_000);

afterAll(async () => {
  await receiver?.close();
  delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  delete process.env.LADDER_METRICS_TOKEN;
});

describe("traces of a sync", () => {
  it("link every task span to the span of the run that queued it", () => {
    expect(run.status).toBe("succeeded");
    const runSpan = spans.find((s) => s.name === "sync.run.start" && s.attributes["ladder.sync.run_id"] === run.id);
    expect(runSpan).toBeDefined();
    expect(runSpan!.service).toBe("ladder-telemetry-test");
    const procedure = spans.find((s) => s.spanId === runSpan!.parentSpanId);
    expect(procedure).toMatchObject({ name: "trpc sync.start", attributes: { "rpc.method": "sync.start" } });
    const tasks = spans.filter((s) => s.name === "sync.task" && s.attributes["ladder.sync.run_id"] === run.id);
    expect(tasks).toHaveLength(run.tasksTotal);
    expect(new Set(tasks.map((t) => t.attributes["ladder.sync.source"]))).toEqual(new Set(["organization", "chaos"]));
    for (const task of tasks) {
      expect(task.links).toEqual([{ traceId: runSpan!.traceId, spanId: runSpan!.spanId }]);
      expect(task.parentSpanId).toBeUndefined();
      expect(task.attributes["ladder.sync.task_status"]).toBe("succeeded");
      expect(task.attributes["ladder.aws.account_id"]).toMatch(/^\d{12}$/);
    }
  });

  it("put each AWS call under its task, with service, operation, attempts and throttling", () => {
    const tasks = new Map(spans.filter((s) => s.name === "sync.task").map((t) => [t.spanId, t]));
    const calls = spans.filter((s) => s.attributes["rpc.system"] === "aws-api");
    const underTasks = calls.filter((c) => c.parentSpanId && tasks.has(c.parentSpanId));
    expect(underTasks.length).toBeGreaterThan(run.tasksTotal);
    expect(new Set(underTasks.map((c) => c.attributes["rpc.service"]))).toEqual(
      expect.objectContaining(new Set(["Organizations", "Fis", "STS"])) as Set<string>,
    );
    for (const call of underTasks) {
      expect(call.name).toBe(`${call.attributes["rpc.service"]}.${call.attributes["rpc.method"]}`);
      expect(call.attributes["aws.attempts"]).toBeGreaterThanOrEqual(1);
    }
    const throttled = underTasks.filter((c) => c.attributes["aws.throttled"] === true);
    expect(throttled.map((c) => c.attributes["rpc.method"])).toContain("ListAccountsForParent");
    expect(throttled.every((c) => Number(c.attributes["aws.attempts"]) >= 3)).toBe(true);
    expect(Math.max(...throttled.map((c) => Number(c.attributes["aws.throttled_attempts"])))).toBe(2);
  });

  it("put the database queries of a task in the task's trace", () => {
    const taskTraces = new Set(spans.filter((s) => s.name === "sync.task").map((t) => t.traceId));
    const queries = spans.filter(
      (s) => s.attributes["db.system"] === "postgresql" || s.attributes["db.system.name"] === "postgresql",
    );
    expect(queries.filter((q) => taskTraces.has(q.traceId)).length).toBeGreaterThan(run.tasksTotal);
  });
});

describe("metrics after a sync", () => {
  it("time the procedure that started it", async () => {
    const samples = parsePrometheusText(await scrapeMetrics());
    const where = { procedure: "sync.start", type: "mutation", result: "ok" };
    expect(sampleSum(samples, "ladder_trpc_procedure_duration_seconds_count", where)).toBe(1);
  });

  it("count tasks, the run, AWS requests and throttles, and read queue depth", async () => {
    const response = await getMetrics(
      new Request("http://ladder.test/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const samples = parsePrometheusText(await response.text());
    expect(sampleSum(samples, "ladder_sync_task_duration_seconds_count", { status: "succeeded" })).toBe(run.tasksTotal);
    expect(sampleSum(samples, "ladder_sync_task_duration_seconds_count", { source: "organization" })).toBe(1);
    expect(sampleSum(samples, "ladder_sync_runs_total", { status: "succeeded" })).toBe(1);
    const organizationCalls = Object.entries(run.apiCalls).find(([service]) => service === "organizations")?.[1];
    const added = (name: string, where: Record<string, string>) =>
      sampleSum(samples, name, where) - sampleSum(before, name, where);
    expect(added("ladder_aws_requests_total", { service: "organizations" })).toBe(organizationCalls);
    expect(added("ladder_aws_throttled_total", { service: "organizations" })).toBe(2);
    expect(sampleSum(samples, "ladder_queue_jobs", { queue: "sync-task", state: "created" })).toBe(0);
    expect(samples.some((s) => s.name === "process_cpu_user_seconds_total")).toBe(true);
  });

  it("refuses a scrape without the token, or with another one", async () => {
    const bare = await getMetrics(new Request("http://ladder.test/api/metrics"));
    expect(bare.status).toBe(401);
    expect(bare.headers.get("www-authenticate")).toBe("Bearer");
    const wrong = await getMetrics(new Request("http://ladder.test/api/metrics", { headers: { authorization: "Bearer nope" } }));
    expect(wrong.status).toBe(401);
  });
});
