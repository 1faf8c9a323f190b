import { randomUUID } from "node:crypto";
import diagnosticsChannel from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { log } from "./log";
import { metrics, secondsSince } from "./metrics";
import { routeOf } from "./routes";

// Every HTTP request this process serves, whichever server runs Next (ours in `ladder start`,
// `next start`, the standalone server.js): Node's diagnostics channels report each request
// before any handler sees it and each response when it is finished. Here each request gets an id
// (the caller's `x-request-id`, or a new one) and the peer address Node saw, both as request
// headers that handlers read, and is timed into the latency histogram and the access log.

export const REQUEST_ID_HEADER = "x-request-id";
// Set from the socket for every request, replacing any value a client sent.
export const PEER_ADDRESS_HEADER = "x-ladder-peer-address";

interface RequestMessage {
  request: IncomingMessage;
  response: ServerResponse;
}

const started = new WeakMap<IncomingMessage, bigint>();
const holder = globalThis as unknown as { ladderHttpHooks?: boolean };

export function areHttpHooksInstalled(): boolean {
  return holder.ladderHttpHooks === true;
}

export function installHttpHooks(): void {
  if (holder.ladderHttpHooks) return;
  holder.ladderHttpHooks = true;
  diagnosticsChannel.subscribe("http.server.request.start", (message) => onStart(message as RequestMessage));
  diagnosticsChannel.subscribe("http.server.response.finish", (message) => onFinish(message as RequestMessage));
}

function onStart({ request, response }: RequestMessage): void {
  started.set(request, process.hrtime.bigint());
  const sent = request.headers[REQUEST_ID_HEADER];
  const id = typeof sent === "string" && /^[\w.:-]{1,128}$/.test(sent) ? sent : randomUUID();
  request.headers[REQUEST_ID_HEADER] = id;
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  if (!response.headersSent) response.setHeader(REQUEST_ID_HEADER, id);
}

function onFinish({ request, response }: RequestMessage): void {
  const start = started.get(request);
  if (start === undefined) return;
  started.delete(request);
  const seconds = secondsSince(start);
  const pathname = (request.url ?? "/").split("?")[0]!;
  const route = routeOf(pathname);
  const method = request.method ?? "GET";
  metrics().httpDuration.observe({ method, route, status: String(response.statusCode) }, seconds);
  const line = {
    requestId: request.headers[REQUEST_ID_HEADER],
    method,
    route,
    path: pathname,
    status: response.statusCode,
    ms: Math.round(seconds * 1000),
  };
  // Static files and probes would drown the log at info.
  if (route.startsWith("/_next/") || /^\/api\/(health|ready|metrics)$/.test(route)) log.debug(line, "request");
  else log.info(line, "request");
}
