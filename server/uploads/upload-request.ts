import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { createGunzip } from "node:zlib";
import busboy from "busboy";
import { assertTokenWorkspace, requestPrincipal, type RequestPrincipal } from "~/server/api/principal";
import { getSessionUser } from "~/server/auth/session";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";
import { limitTokenRequest } from "~/server/limits/token-limits";
import { queueStagedReport } from "./intake.service";
import { outlineReader, readHeader } from "./parsers";
import { StagedReport } from "./staging";
import { checkUploader, readKindHint, readPipelineFacts, type UploadMeta } from "./upload-meta";
import { v7 as timeOrderedId } from "uuid";
import { storeReport } from "./store-report";
import type { receiveUpload } from "./uploads.service";
import { isFocusUpload } from "./focus-upload";
import { isPagerDutyCsv } from "./parsers/pagerduty-csv";
import { heldSource, receiveCsv, receiveFocus } from "./receive-other";
import type { FocusUploadResult } from "~/server/focus/focus-import.service";
import { log } from "~/server/telemetry/log";

const MB = 1024 * 1024;
const FIELDS = [
  "workspace",
  "kind",
  "repository",
  "branch",
  "commit",
  "pipeline",
  "softFail",
  "durationSeconds",
  "defaultBranch",
];

export type UploadAnswer =
  | { status: 201; body: Awaited<ReturnType<typeof receiveUpload>> | FocusUploadResult }
  | { status: 202; body: { id: string; status: "queued"; sizeBytes: number; statusUrl: string } };

// POST /api/v1/uploads: CI sends a workspace token; the browser sends its session cookie and
// names the workspace. The body is read as a stream and never parsed whole: a report up to
// LADDER_UPLOAD_INLINE_MB is held as bytes and stored while the request waits (201, as
// before); a larger one is staged in PostgreSQL and stored by a worker (202 with its id).
export async function handleUploadRequest(request: Request): Promise<UploadAnswer> {
  const limitBytes = Math.floor(env().LADDER_UPLOAD_MAX_MB * MB);
  const inlineBytes = Math.floor(env().LADDER_UPLOAD_INLINE_MB * MB);
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limitBytes + 64 * 1024) throw tooLarge(limitBytes);
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError(
      "BAD_REQUEST",
      "Send the file as multipart/form-data in the field “file”, e.g. curl -F file=@results.sarif …",
    );
  }
  if (!request.body) throw new AppError("BAD_REQUEST", "The form has no file in the field “file”.");

  // Who is asking is settled before the body is read: a bad token or no session costs nothing.
  const token: RequestPrincipal | undefined =
    request.headers.get("authorization") !== null ? await requestPrincipal(request, () => undefined) : undefined;
  if (token) {
    checkUploader(token);
    if (token.tokenId) await limitTokenRequest({ tokenId: token.tokenId, action: "upload" });
  } else if (!(await getSessionUser(request.headers))) {
    throw new AppError("UNAUTHORIZED", "Send a workspace API token as `Authorization: Bearer ldr_…`.");
  }
  const receiving = performance.now();
  const queryWorkspace = new URL(request.url).searchParams.get("workspace") ?? undefined;
  const fields: Record<string, string> = {};
  let principal: RequestPrincipal | undefined;
  const uploader = async () => {
    principal ??= token ?? (await requestPrincipal(request, () => fields.workspace ?? queryWorkspace));
    assertTokenWorkspace(principal, fields.workspace ?? queryWorkspace);
    checkUploader(principal);
    return principal;
  };

  let staged: StagedReport | undefined;
  const outline = outlineReader();
  const held: Buffer[] = [];
  let size = 0;
  let file: { name: string | undefined } | undefined;
  // A FOCUS cost export (CSV or Parquet) is no JSON: decided on its first bytes, it skips the outline.
  let isFocus: boolean | undefined;
  // So is PagerDuty's CSV incident export, read by its own streaming reader.
  let isCsv: boolean | undefined;
  try {
    const body = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
    const gzipped = /\bgzip\b/i.test(request.headers.get("content-encoding") ?? "");
    const form = busboy({
      headers: { "content-type": contentType },
      limits: { files: 1, fields: 40, fieldSize: 64 * 1024, fileSize: limitBytes },
    });
    let received: Promise<void> = Promise.resolve();
    let fileError: unknown;
    form.on("field", (name: string, value: string) => {
      if (FIELDS.includes(name)) fields[name] = value;
    });
    form.on("file", (name: string, stream: Readable, info: { filename?: string }) => {
      if (name !== "file" || file) {
        stream.resume();
        return;
      }
      file = { name: info.filename };
      const report = maybeGunzip(info.filename, limitBytes);
      const consume = async (chunks: AsyncIterable<Buffer>) => {
        for await (const chunk of chunks) {
          size += chunk.length;
          isFocus ??= isFocusUpload(fields.kind, chunk);
          isCsv ??= !isFocus && isPagerDutyCsv(fields.kind, chunk);
          // The outline is read as the report arrives: a report Ladder cannot read is refused
          // now, and what follows reads only the lists.
          if (!isFocus && !isCsv) outline.write(chunk);
          if (!staged && size <= inlineBytes) {
            held.push(chunk);
            continue;
          }
          if (!staged) {
            staged = await StagedReport.create({ uploader: await uploader() });
            for (const early of held.splice(0)) await staged.write(early);
          }
          await staged.write(chunk);
        }
        // busboy cuts a file at the limit and says so only in this flag.
        if ((stream as Readable & { truncated?: boolean }).truncated) throw tooLarge(limitBytes);
      };
      received = pipeline(stream, report, async (chunks: AsyncIterable<Buffer>) => {
        try {
          await consume(chunks);
        } catch (error) {
          // pipeline() reports its own AbortError, not this: keep the reason.
          fileError = error;
          throw error;
        }
      });
      // A file refused part-way (too large, not gzip) stops the form too, or busboy would wait.
      received = received.catch((error: unknown) => {
        fileError ??= error;
        form.destroy(fileError as Error);
      });
    });
    const source = gzipped ? body.pipe(inflateLimited(limitBytes)) : body;
    await pipeline(source, form).catch(async (error: unknown) => {
      // A refused file also ends the form: the file's own reason is the one to give.
      await received;
      throw fileError ?? error;
    });
    await received;
    if (fileError) throw fileError;
  } catch (error) {
    await staged?.discard();
    if (error instanceof AppError) throw error;
    throw new AppError("BAD_REQUEST", describeBodyError(error));
  }

  try {
    if (!file) throw new AppError("BAD_REQUEST", "The form has no file in the field “file”.");
    if (size === 0) throw new AppError("BAD_REQUEST", "The uploaded file is empty.");
    const meta: UploadMeta = { ...fields, ...(file.name ? { filename: file.name.replace(/\.gz$/i, "") } : {}) };
    if (isFocus) return await receiveFocus({ meta: { ...meta, kind: "focus" }, who: await uploader(), held, staged, size });
    const hint = readKindHint(meta);
    readPipelineFacts(meta);
    const who = await uploader();
    checkUploader(who);
    if (isCsv) return await receiveCsv({ meta: { ...meta, format: "pagerduty-csv" }, who, held, staged, size, hint });
    const read = outline.finish();
    readHeader(read, hint);
    if (!staged) {
      // Read from the bytes held, item by item: memory holds the report's bytes, never its
      // parsed whole.
      const body = await storeReport({
        id: timeOrderedId(),
        uploader: who,
        meta,
        facts: readPipelineFacts(meta),
        hint,
        sizeBytes: size,
        input: { source: heldSource(held), outline: read },
      });
      return { status: 201, body };
    }
    await staged.seal({ meta, filename: meta.filename, outline: read });
    await queueStagedReport(staged.id);
    log.info(
      { uploadId: staged.id, mb: Number((staged.sizeBytes / MB).toFixed(1)), ms: Math.round(performance.now() - receiving) },
      "upload: received and queued",
    );
    return {
      status: 202,
      body: { id: staged.id, status: "queued", sizeBytes: staged.sizeBytes, statusUrl: `/api/v1/uploads/${staged.id}` },
    };
  } catch (error) {
    await staged?.discard();
    throw error;
  }
}

const tooLarge = (limit: number) =>
  new AppError(
    "PAYLOAD_TOO_LARGE",
    `The file is larger than the ${Math.round(limit / MB)} MB limit (LADDER_UPLOAD_MAX_MB; a gzipped report counts at its decompressed size).`,
  );

// A report sent gzipped (results.sarif.gz, or gzip's magic bytes) is read decompressed, and
// counted at its decompressed size, so a small bomb cannot expand past the limit.
function maybeGunzip(filename: string | undefined, limitBytes: number): Transform {
  let decided: Transform | undefined;
  const isGzipName = /\.gz$/i.test(filename ?? "");
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (!decided) {
        const isGzip = isGzipName || (chunk[0] === 0x1f && chunk[1] === 0x8b);
        decided = isGzip ? inflateLimited(limitBytes) : passThrough();
        decided.on("data", (data: Buffer) => this.push(data));
        decided.on("error", (error) => this.destroy(error));
      }
      if (decided.write(chunk)) callback();
      else decided.once("drain", () => callback());
    },
    flush(callback: TransformCallback) {
      if (!decided) return callback();
      decided.once("end", () => callback());
      decided.end();
    },
  });
}

function passThrough(): Transform {
  return new Transform({ transform: (chunk, _encoding, callback) => callback(null, chunk) });
}

function inflateLimited(limitBytes: number): Transform {
  const gunzip = createGunzip();
  let inflated = 0;
  gunzip.on("data", (chunk: Buffer) => {
    inflated += chunk.length;
    if (inflated > limitBytes) gunzip.destroy(tooLarge(limitBytes));
  });
  return gunzip;
}

function describeBodyError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/unexpected end of file/i.test(message)) {
    return "The gzip file ends early (it is truncated): compress the whole file again and upload it.";
  }
  if (/incorrect header check|invalid (block|distance|stored)/i.test(message)) {
    return "The file is not valid gzip: send it uncompressed, or compress it with gzip.";
  }
  if (/Unexpected end of form|Malformed|boundary/i.test(message)) {
    return "The multipart body could not be read (it ended early or is malformed); send the file in the field “file”.";
  }
  return `The upload could not be received: ${message}.`;
}
