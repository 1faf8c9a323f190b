import pino, { type DestinationStream, type Logger } from "pino";
import { telemetryConfig } from "./config";
import { appRequire } from "./node-require";
import { activeTraceIds } from "./spans";

// Structured JSON logs on stdout, one object a line, level from LOG_LEVEL. In development they
// are made readable by pino-pretty when it is installed (a dev dependency), in this process: no
// transport thread, which Next's bundles would have to find on disk. Every line written inside a
// traced request or task carries its trace and span ids, so logs and traces join.

function prettyStream(): DestinationStream | undefined {
  if (process.env.NODE_ENV !== "development" || process.env.LOG_FORMAT === "json") return undefined;
  try {
    const pretty = appRequire()?.("pino-pretty") as ((options: object) => DestinationStream) | undefined;
    if (!pretty) return undefined;
    return pretty({ colorize: process.stdout.isTTY, ignore: "pid,hostname", translateTime: "HH:MM:ss.l" });
  } catch {
    return undefined;
  }
}

function createLogger(): Logger {
  return pino(
    {
      level: telemetryConfig().logLevel,
      base: { pid: process.pid },
      mixin: () => activeTraceIds() ?? {},
      redact: ["req.headers.authorization", "req.headers.cookie", "*.password", "*.secretAccessKey", "*.sessionToken"],
    },
    prettyStream(),
  );
}

const holder = globalThis as unknown as { ladderLog?: Logger };

export const log: Logger = new Proxy({} as Logger, {
  get(_target, property) {
    holder.ladderLog ??= createLogger();
    const value = Reflect.get(holder.ladderLog, property) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(holder.ladderLog) : value;
  },
});
