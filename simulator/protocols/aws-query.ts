import type { ServerResponse } from "node:http";
import { SimError } from "../errors";
import type { ParsedCall, Protocol, RawRequest, ReplyContext } from "./types";

/** awsQuery (STS): form-encoded POST in, XML with the service's namespace out. */
export function awsQueryProtocol(xmlNamespace: string): Protocol {
  return {
    parse(request: RawRequest): ParsedCall {
      const form = new URLSearchParams(request.body.toString("utf8"));
      for (const [key, value] of request.query) if (!form.has(key)) form.set(key, value);
      const action = form.get("Action");
      if (!action) throw new SimError("MissingAction", "Missing Action", 400);
      const input: Record<string, unknown> = {};
      for (const [key, value] of form) if (key !== "Action" && key !== "Version") input[key] = value;
      return { action, input };
    },
    writeResult(res: ServerResponse, context: ReplyContext, output: unknown): void {
      const { action, requestId } = context;
      const body =
        `<${action}Response xmlns="${xmlNamespace}">\n` +
        `  <${action}Result>\n${toXml(output, 4)}  </${action}Result>\n` +
        `  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n` +
        `</${action}Response>\n`;
      send(res, 200, requestId, body);
    },
    writeError(res: ServerResponse, context: ReplyContext, error: SimError): void {
      const body =
        `<ErrorResponse xmlns="${xmlNamespace}">\n` +
        `  <Error>\n    <Type>${error.fault}</Type>\n    <Code>${escapeXml(error.code)}</Code>\n` +
        `    <Message>${escapeXml(error.message)}</Message>\n  </Error>\n` +
        `  <RequestId>${context.requestId}</RequestId>\n</ErrorResponse>\n`;
      send(res, error.status, context.requestId, body);
    },
  };
}

function send(res: ServerResponse, status: number, requestId: string, body: string): void {
  res.writeHead(status, {
    "content-type": "text/xml",
    "content-length": Buffer.byteLength(body),
    "x-amzn-requestid": requestId,
  });
  res.end(body);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** Objects become nested elements, arrays become <member> lists, dates ISO-8601 as awsQuery wants. */
export function toXml(value: unknown, indent: number): string {
  if (value === null || value === undefined || typeof value !== "object" || value instanceof Date) return "";
  const pad = " ".repeat(indent);
  let out = "";
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined || child === null) continue;
    if (Array.isArray(child)) {
      out += `${pad}<${key}>\n`;
      for (const item of child) out += element("member", item, indent + 2);
      out += `${pad}</${key}>\n`;
    } else {
      out += element(key, child, indent);
    }
  }
  return out;
}

function element(name: string, value: unknown, indent: number): string {
  const pad = " ".repeat(indent);
  if (value instanceof Date) return `${pad}<${name}>${value.toISOString()}</${name}>\n`;
  if (typeof value === "object" && value !== null) return `${pad}<${name}>\n${toXml(value, indent + 2)}${pad}</${name}>\n`;
  return `${pad}<${name}>${escapeXml(String(value))}</${name}>\n`;
}
