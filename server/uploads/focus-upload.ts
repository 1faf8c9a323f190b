import { v7 as timeOrderedId } from "uuid";
import { importFocusReport } from "~/server/focus/focus-import.service";
import { bytesSource } from "./json/byte-source";
import { heldRandomAccess, stagedRandomAccess } from "./staged-random-access";
import { stagedSource } from "./staging";
import type { UploadMeta, Uploader } from "./upload-meta";

// FOCUS cost exports come through the same request and the same staging as the CI reports,
// and are told apart by their first bytes (or by kind=focus): a Parquet file, or a CSV whose
// header names FOCUS columns. A gzipped export arrives here already inflated by the request.

const FOCUS_HEADER = /\b(BilledCost|EffectiveCost|ChargePeriodStart|BillingAccountId|BillingPeriodStart)\b/;

export function isFocusUpload(kind: string | undefined, first: Uint8Array): boolean {
  const named = kind?.trim().toLowerCase();
  if (named) return named === "focus";
  if (first[0] === 0x50 && first[1] === 0x41 && first[2] === 0x52 && first[3] === 0x31) return true;
  const head = Buffer.from(first.subarray(0, 64 * 1024))
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  const firstLine = head.split(/\r?\n/, 1)[0] ?? "";
  return firstLine.includes(",") && FOCUS_HEADER.test(firstLine);
}

/** A FOCUS file small enough to be held: imported while the request waits. */
export function storeHeldFocus(opts: { uploader: Uploader; meta: UploadMeta; held: Buffer[]; sizeBytes: number }) {
  const whole = Buffer.concat(opts.held);
  return importFocusReport({
    id: timeOrderedId(),
    uploader: opts.uploader,
    filename: opts.meta.filename ?? null,
    sizeBytes: opts.sizeBytes,
    input: { source: bytesSource(whole), openRandom: async () => heldRandomAccess([whole]) },
  });
}

/** A staged FOCUS file, read by the upload worker from its chunks. */
export function focusStagedInput(intakeId: string, sizeBytes: number) {
  return { source: stagedSource(intakeId), openRandom: async () => stagedRandomAccess(intakeId, sizeBytes) };
}
