import { createHash } from "node:crypto";
import { type SimError } from "../errors";

export interface PageOptions {
  token: string | undefined;
  /** What the caller asked for; clamped to 1..maxPageSize. */
  requested: number | undefined;
  defaultPageSize: number;
  maxPageSize: number;
  /** Identifies the listing so a token from another query is rejected, as AWS does. */
  scope: string;
  invalidToken: () => SimError;
  tooLarge?: (requested: number) => SimError;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export function paginate<T>(items: readonly T[], options: PageOptions): Page<T> {
  const size = pageSize(options);
  const start = options.token === undefined ? 0 : decodeToken(options.token, options.scope, options.invalidToken);
  if (start > items.length) throw options.invalidToken();
  const end = start + size;
  return { items: items.slice(start, end), nextToken: end < items.length ? encodeToken(end, options.scope) : undefined };
}

export function pageSize(options: Pick<PageOptions, "requested" | "defaultPageSize" | "maxPageSize" | "tooLarge">): number {
  const requested = options.requested ?? options.defaultPageSize;
  if (requested > options.maxPageSize && options.tooLarge) throw options.tooLarge(requested);
  return Math.max(1, Math.min(requested, options.maxPageSize));
}

export function encodeToken(offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: scopeHash(scope) })).toString("base64");
}

export function decodeToken(token: string, scope: string, invalid: () => SimError): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64").toString("utf8")) as { o?: unknown; s?: unknown };
    if (typeof parsed.o === "number" && parsed.o >= 0 && parsed.s === scopeHash(scope)) return parsed.o;
  } catch {
    // an unreadable token is the same as a foreign one
  }
  throw invalid();
}

function scopeHash(scope: string): string {
  return createHash("sha256").update(scope).digest("hex").slice(0, 16);
}
