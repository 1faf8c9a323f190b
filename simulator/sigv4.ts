import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export interface SignedRequestParts {
  method: string;
  /** Path and query exactly as received, still percent-encoded. */
  rawUrl: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTH_PATTERN =
  /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)\s*$/;

export function parseAuthorization(header: string | undefined): ParsedAuthorization | undefined {
  const match = header ? AUTH_PATTERN.exec(header) : null;
  if (!match) return undefined;
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match;
  if (!accessKeyId || !date || !region || !service || !signedHeaders || !signature) return undefined;
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(";"), signature };
}

/** Recomputes the signature the SDK made, following the SigV4 spec as @smithy/signature-v4 implements it. */
export function isSignatureValid(request: SignedRequestParts, auth: ParsedAuthorization, secretAccessKey: string): boolean {
  const amzDate = headerValue(request.headers, "x-amz-date");
  if (!amzDate) return false;
  const [path = "/", query = ""] = splitUrl(request.rawUrl);
  const canonicalHeaders = auth.signedHeaders
    .map((name) => `${name}:${(headerValue(request.headers, name) ?? "").trim().replace(/\s+/g, " ")}\n`)
    .join("");
  const payloadHash = headerValue(request.headers, "x-amz-content-sha256") ?? sha256Hex(request.body);
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalPath(path),
    canonicalQuery(query),
    canonicalHeaders,
    auth.signedHeaders.join(";"),
    payloadHash,
  ].join("\n");
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(Buffer.from(canonicalRequest))].join("\n");
  let key: Buffer = hmac(`AWS4${secretAccessKey}`, auth.date);
  for (const part of [auth.region, auth.service, "aws4_request"]) key = hmac(key, part);
  const expected = Buffer.from(hmac(key, stringToSign).toString("hex"));
  const actual = Buffer.from(auth.signature);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

function headerValue(headers: SignedRequestParts["headers"], name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

function splitUrl(rawUrl: string): [string, string] {
  const index = rawUrl.indexOf("?");
  return index < 0 ? [rawUrl, ""] : [rawUrl.slice(0, index), rawUrl.slice(index + 1)];
}

function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// The SDK signs the already-encoded path a second time (every service here except S3 does this).
function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment.length === 0 || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  const normalized = `${path.startsWith("/") ? "/" : ""}${segments.join("/")}${segments.length > 0 && path.endsWith("/") ? "/" : ""}`;
  return escapeUri(normalized).replace(/%2F/g, "/");
}

function canonicalQuery(query: string): string {
  if (!query) return "";
  const pairs = query
    .split("&")
    .filter((pair) => pair.length > 0)
    .map((pair) => {
      const index = pair.indexOf("=");
      const key = decodeURIComponent(index < 0 ? pair : pair.slice(0, index));
      const value = index < 0 ? "" : decodeURIComponent(pair.slice(index + 1));
      return [escapeUri(key), escapeUri(value)] as const;
    })
    .filter(([key]) => key.toLowerCase() !== "x-amz-signature");
  pairs.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
  return pairs.map(([key, value]) => `${key}=${value}`).join("&");
}

function sha256Hex(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data).digest();
}
