import { telemetryConfig } from "./config";
import { startTelemetry, stopTelemetry } from "./tracing";

// The CLI's share: commands that run Ladder's work start tracing before the rest of the CLI is
// imported; a worker also serves its metrics when LADDER_METRICS_PORT is set (the web process
// serves them at /api/metrics).
const SERVICE_BY_COMMAND: Record<string, string> = {
  start: "ladder",
  worker: "ladder-worker",
  sync: "ladder-sync",
};

export async function startCliTelemetry(argv: string[]): Promise<void> {
  const command = argv[2] ?? "";
  const serviceName = SERVICE_BY_COMMAND[command];
  if (!serviceName) return;
  await startTelemetry(serviceName);
  const { metricsPort, metricsToken } = telemetryConfig();
  if (command === "worker" && metricsPort) {
    // Imported after the SDK started: it reaches the database modules.
    const [{ serveMetrics }, { log }] = await Promise.all([import("./metrics-server"), import("./log")]);
    await serveMetrics({ port: metricsPort, token: metricsToken });
    log.info({ port: metricsPort }, "worker metrics at /metrics");
  }
}

// Sends the spans still buffered before the process exits.
export const stopCliTelemetry = stopTelemetry;
