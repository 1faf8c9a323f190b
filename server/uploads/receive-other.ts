import { v7 as timeOrderedId } from "uuid";
import type { RequestPrincipal } from "~/server/api/principal";
import { storeHeldFocus } from "./focus-upload";
import { queueStagedReport } from "./intake.service";
import type { ByteSource } from "./json/byte-source";
import type { StagedReport } from "./staging";
import { storeReport } from "./store-report";
import { checkUploader, readPipelineFacts, type readKindHint, type UploadMeta } from "./upload-meta";
import type { UploadAnswer } from "./upload-request";

// The files POST /api/v1/uploads takes that are not JSON reports, decided on their first bytes:
// FOCUS cost exports and PagerDuty's CSV incident export. Held ones are stored while the request
// waits; staged ones are sealed and queued for the worker, like large JSON reports.

export async function receiveFocus(opts: {
  meta: UploadMeta;
  who: RequestPrincipal;
  held: Buffer[];
  staged: StagedReport | undefined;
  size: number;
}): Promise<UploadAnswer> {
  checkUploader(opts.who);
  if (!opts.staged) {
    return {
      status: 201,
      body: await storeHeldFocus({ uploader: opts.who, meta: opts.meta, held: opts.held, sizeBytes: opts.size }),
    };
  }
  const { staged } = opts;
  await staged.seal({ meta: opts.meta, filename: opts.meta.filename });
  await queueStagedReport(staged.id);
  return {
    status: 202,
    body: { id: staged.id, status: "queued", sizeBytes: staged.sizeBytes, statusUrl: `/api/v1/uploads/${staged.id}` },
  };
}

export async function receiveCsv(opts: {
  meta: UploadMeta;
  who: RequestPrincipal;
  held: Buffer[];
  staged: StagedReport | undefined;
  size: number;
  hint: ReturnType<typeof readKindHint>;
}): Promise<UploadAnswer> {
  if (!opts.staged) {
    const body = await storeReport({
      id: timeOrderedId(),
      uploader: opts.who,
      meta: opts.meta,
      facts: readPipelineFacts(opts.meta),
      hint: opts.hint,
      sizeBytes: opts.size,
      input: { source: heldSource(opts.held), csv: true },
    });
    return { status: 201, body };
  }
  const { staged } = opts;
  await staged.seal({ meta: opts.meta, filename: opts.meta.filename });
  await queueStagedReport(staged.id);
  return {
    status: 202,
    body: { id: staged.id, status: "queued", sizeBytes: staged.sizeBytes, statusUrl: `/api/v1/uploads/${staged.id}` },
  };
}

export function heldSource(chunks: Buffer[]): ByteSource {
  return async function* () {
    yield* chunks;
  };
}
