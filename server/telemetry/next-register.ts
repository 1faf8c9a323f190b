import { installHttpHooks } from "./http-hooks";
import { startTelemetry } from "./tracing";

// What the web process does once, from Next's instrumentation hook: request ids, latency and the
// access log always; traces when an OTLP endpoint is configured.
export async function registerWebTelemetry(): Promise<void> {
  installHttpHooks();
  await startTelemetry("ladder-web");
}
