// Next.js calls register() once per server process before it serves anything. Telemetry is
// Node-only (the SDK, diagnostics channels, prom-client): nothing runs in the edge runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerWebTelemetry } = await import("./server/telemetry/next-register");
    await registerWebTelemetry();
  }
}
