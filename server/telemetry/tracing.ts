import { telemetryConfig } from "./config";
import { appRequire } from "./node-require";

// The OpenTelemetry Node SDK, started once per process by whichever comes first: Next's
// instrumentation hook (web) or the CLI (`ladder worker`, `ladder sync --worker`, `ladder start`).
// Without an OTLP endpoint nothing is loaded or started: the API's no-op tracer stays in place.

interface Started {
  serviceName: string;
  shutdown: () => Promise<void>;
}
const holder = globalThis as unknown as { ladderTelemetry?: Promise<Started | undefined> };

// Requests nobody wants traced: probes and scrapes every few seconds, static files.
const UNTRACED_PATHS = /^\/((api\/)?(health|ready|metrics)$|_next\/static\/|favicon\.ico$)/;

export function startTelemetry(serviceName: string): Promise<Started | undefined> {
  holder.ladderTelemetry ??= start(serviceName);
  return holder.ladderTelemetry;
}

export async function stopTelemetry(): Promise<void> {
  const started = await holder.ladderTelemetry;
  holder.ladderTelemetry = undefined;
  // A collector that is down must not turn a clean exit into a crash: the spans are lost, said once.
  await started?.shutdown().catch((error: unknown) => {
    console.warn(`telemetry: could not send the last spans (${(error as Error).message})`);
  });
}

async function start(defaultName: string): Promise<Started | undefined> {
  const config = telemetryConfig();
  if (!config.otlpEndpoint) return undefined;
  const serviceName = config.serviceName ?? defaultName;
  const [{ NodeSDK }, { OTLPTraceExporter }, { HttpInstrumentation }, { PgInstrumentation }] = await Promise.all([
    import("@opentelemetry/sdk-node"),
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/instrumentation-http"),
    import("@opentelemetry/instrumentation-pg"),
  ]);
  const sdk = new NodeSDK({
    serviceName,
    // OTLP/HTTP with JSON bodies; the exporter reads OTEL_EXPORTER_OTLP_* (endpoint, headers, timeout).
    traceExporter: new OTLPTraceExporter(),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.test((request.url ?? "").split("?")[0]!),
        // An outgoing request outside any span is the SDK's own housekeeping, not work.
        requireParentforOutgoingSpans: true,
      }),
      // Queries outside a request or a task are the queue's polling: thousands an hour, no story.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  // The instrumentations patch modules as they are required. Modules loaded before this point (or
  // through ESM `import`, which the require hook does not see) are patched here: requiring them
  // again runs the hook on the one shared module object.
  const require = appRequire();
  for (const name of ["http", "https", "pg"]) require?.(name);
  return { serviceName, shutdown: () => sdk.shutdown() };
}
