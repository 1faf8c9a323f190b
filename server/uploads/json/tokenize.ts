import { Tokenizer } from "@streamparser/json";
import type { ParsedTokenInfo } from "@streamparser/json";
import { AppError } from "~/server/errors";
import type { ByteSource } from "./byte-source";

/** JSON that is malformed or ends early, with where: the caller turns it into the user's message. */
export class JsonReadError extends Error {
  constructor(
    readonly reason: "ended" | "unexpected",
    readonly line: number,
    readonly detail?: string,
  ) {
    super(reason === "ended" ? "The JSON ends early." : `Unexpected ${detail ?? "input"} at line ${line}.`);
    this.name = "JsonReadError";
  }
}

const NEWLINE = 10;

// Feeds a source through the library's tokenizer, chunk by chunk, yielding to the event loop
// between chunks so that a large report never holds up other requests. `consumer` builds values
// from the tokens; its first error stops the read.
export async function tokenize(
  source: ByteSource,
  onToken: (token: ParsedTokenInfo) => void,
  consumer: { error(): Error | undefined; end(): void; afterChunk?: () => Promise<void> },
): Promise<void> {
  let failure: Error | undefined;
  let lastOffset = 0;
  let errorOffset = -1;
  const tokenizer = new Tokenizer({ stringBufferSize: 64 * 1024 });
  tokenizer.onToken = (token) => {
    lastOffset = token.offset;
    onToken(token);
    if (errorOffset < 0 && consumer.error()) errorOffset = token.offset;
  };
  tokenizer.onError = (error) => (failure ??= error);
  tokenizer.onEnd = () => undefined;
  let chunkStart = 0;
  let linesBefore = 1;
  let chunk: Uint8Array = new Uint8Array();
  const lineAt = (offset: number) => {
    let line = linesBefore;
    const end = Math.min(offset - chunkStart, chunk.length);
    for (let i = 0; i < end; i++) if (chunk[i] === NEWLINE) line++;
    return line;
  };
  const check = () => {
    failure ??= consumer.error();
    if (!failure) return;
    if (failure instanceof AppError) throw failure;
    const where = /absolute position "(\d+)"/.exec(failure.message);
    const offset = where ? Number(where[1]) : errorOffset >= 0 ? errorOffset : lastOffset;
    const found = /^Unexpected (.+?) (?:at chunk position|in state)/.exec(failure.message)?.[1];
    throw new JsonReadError(/ended|mid-parsing/.test(failure.message) ? "ended" : "unexpected", lineAt(offset), found);
  };
  for await (const next of source()) {
    chunk = next;
    try {
      tokenizer.write(chunk);
    } catch (error) {
      failure ??= error as Error;
    }
    check();
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === NEWLINE) linesBefore++;
    chunkStart += chunk.length;
    chunk = new Uint8Array();
    if (consumer.afterChunk) await consumer.afterChunk();
    else await new Promise<void>((resolve) => setImmediate(resolve));
  }
  try {
    if (!tokenizer.isEnded) tokenizer.end();
  } catch (error) {
    failure ??= error as Error;
  }
  if (!failure) {
    try {
      consumer.end();
    } catch (error) {
      failure = error as Error;
    }
  }
  check();
}
