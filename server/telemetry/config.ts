// Telemetry settings, read straight from the environment: they are needed before the app's own
// settings are validated (Next's instrumentation hook, the first lines of the CLI), and none of
// them may stop the app from starting.
export interface TelemetryConfig {
  // OTLP/HTTP endpoint (the collector's base URL); traces are off when it is unset.
  otlpEndpoint?: string;
  // OTEL_SERVICE_NAME wins over the name a process gives itself.
  serviceName?: string;
  metricsToken?: string;
  metricsPort?: number;
  logLevel: string;
}

export function telemetryConfig(source: NodeJS.ProcessEnv = process.env): TelemetryConfig {
  const port = Number(source.LADDER_METRICS_PORT);
  return {
    otlpEndpoint: source.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || source.OTEL_EXPORTER_OTLP_ENDPOINT || undefined,
    serviceName: source.OTEL_SERVICE_NAME || undefined,
    metricsToken: source.LADDER_METRICS_TOKEN || undefined,
    metricsPort: Number.isInteger(port) && port > 0 ? port : undefined,
    logLevel: source.LOG_LEVEL || (source.NODE_ENV === "test" ? "warn" : "info"),
  };
}
