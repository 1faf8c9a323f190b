import type { ServerResponse } from "node:http";
import { SimError } from "../errors";
import { parseJsonBody, stringifyAwsJson } from "./json-body";
import type { ParsedCall, Protocol, RawRequest, ReplyContext } from "./types";

/**
 * awsJson 1.0/1.1: POST / with X-Amz-Target "<Service>.<Operation>". CloudWatch's variant is
 * query-compatible: errors also carry the old awsQuery code in x-amzn-query-error.
 */
export function awsJsonProtocol(version: "1.0" | "1.1", queryCompatible = false): Protocol {
  const contentType = `application/x-amz-json-${version}`;
  return {
    parse(request: RawRequest): ParsedCall {
      const target = headerString(request.headers["x-amz-target"]);
      const action = target?.slice(target.lastIndexOf(".") + 1);
      if (!action) throw new SimError("UnknownOperationException", "Missing X-Amz-Target header", 400);
      return { action, input: parseJsonBody(request.body) };
    },
    writeResult(res: ServerResponse, context: ReplyContext, output: unknown): void {
      send(res, 200, context.requestId, stringifyAwsJson(output ?? {}), contentType);
    },
    writeError(res: ServerResponse, context: ReplyContext, error: SimError): void {
      const body = stringifyAwsJson({ __type: error.code, message: error.message, ...error.fields });
      const extra: Record<string, string> = queryCompatible ? { "x-amzn-query-error": `${error.code};${error.fault}` } : {};
      send(res, error.status, context.requestId, body, contentType, extra);
    },
  };
}

export function headerString(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function send(
  res: ServerResponse,
  status: number,
  requestId: string,
  body: string,
  contentType: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    "content-type": contentType,
    "content-length": Buffer.byteLength(body),
    "x-amzn-requestid": requestId,
    ...extra,
  });
  res.end(body);
}
