import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import type { ServiceInfo } from "../catalog";
import type { SimError } from "../errors";

export interface RawRequest {
  method: string;
  rawUrl: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface ParsedCall {
  action: string;
  input: Record<string, unknown>;
}

export interface ReplyContext {
  service: ServiceInfo;
  action: string;
  requestId: string;
}

/** One AWS wire protocol: how an operation and its input arrive and how results and errors leave. */
export interface Protocol {
  parse(request: RawRequest): ParsedCall;
  writeResult(res: ServerResponse, context: ReplyContext, output: unknown): void;
  writeError(res: ServerResponse, context: ReplyContext, error: SimError): void;
}
