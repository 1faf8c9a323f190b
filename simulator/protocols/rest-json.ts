import type { ServerResponse } from "node:http";
import { SimError } from "../errors";
import { parseJsonBody, stringifyAwsJson } from "./json-body";
import type { ParsedCall, Protocol, RawRequest, ReplyContext } from "./types";

/** One HTTP binding from a service model, e.g. GET /clusters/{name} → DescribeCluster. */
export interface RestRoute {
  method: string;
  path: string;
  action: string;
}

export function matchRoute(
  routes: readonly RestRoute[],
  method: string,
  path: string,
): { route: RestRoute; params: Record<string, string> } | undefined {
  const segments = path.split("/").filter((s) => s.length > 0);
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split("/").filter((s) => s.length > 0);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((part, i) => {
      const actual = segments[i] ?? "";
      if (part.startsWith("{") && part.endsWith("}")) {
        params[part.slice(1, -1)] = decodeURIComponent(actual);
        return true;
      }
      return part === actual;
    });
    if (ok) return { route, params };
  }
  return undefined;
}

/** restJson1: the operation comes from method + path; input from labels, query string and body. */
export function restJsonProtocol(routes: readonly RestRoute[]): Protocol {
  return {
    parse(request: RawRequest): ParsedCall {
      const match = matchRoute(routes, request.method, request.path);
      if (!match) throw new SimError("UnknownOperationException", `No operation at ${request.method} ${request.path}`, 404);
      const input: Record<string, unknown> = { ...parseJsonBody(request.body) };
      for (const [key, value] of request.query) input[key] = value;
      Object.assign(input, match.params);
      return { action: match.route.action, input };
    },
    writeResult(res: ServerResponse, context: ReplyContext, output: unknown): void {
      send(res, 200, context.requestId, stringifyAwsJson(output ?? {}));
    },
    writeError(res: ServerResponse, context: ReplyContext, error: SimError): void {
      const body = stringifyAwsJson({ message: error.message, ...error.fields });
      send(res, error.status, context.requestId, body, { "x-amzn-errortype": error.code });
    },
  };
}

function send(res: ServerResponse, status: number, requestId: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "x-amzn-requestid": requestId,
    ...extra,
  });
  res.end(body);
}
