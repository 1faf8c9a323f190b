import type { AsyncBuffer } from "hyparquet";
import { withConnection } from "~/server/db";
import { CHUNK_BYTES } from "./staging";

// A staged report read at any offset, for formats whose index is at the end (Parquet): a slice
// reads only the chunks it spans, and the last few chunks read are kept for the next slice.
export function stagedRandomAccess(intakeId: string, sizeBytes: number): AsyncBuffer {
  const kept = new Map<number, Promise<Buffer>>();
  const chunk = (seq: number) => {
    const known = kept.get(seq);
    if (known) return known;
    const read = withConnection(async (client) => {
      const result = await client.query<{ data: Buffer }>(`SELECT data FROM "UploadChunk" WHERE "intakeId" = $1 AND seq = $2`, [
        intakeId,
        seq,
      ]);
      const data = result.rows[0]?.data;
      if (!data) throw new Error(`the staged upload has no chunk ${seq}`);
      return data;
    });
    if (kept.size >= 4) kept.delete(kept.keys().next().value!);
    kept.set(seq, read);
    read.catch(() => kept.delete(seq));
    return read;
  };
  return {
    byteLength: sizeBytes,
    async slice(start: number, end = sizeBytes) {
      const out = new Uint8Array(Math.max(0, end - start));
      for (let seq = Math.floor(start / CHUNK_BYTES); seq * CHUNK_BYTES < end; seq++) {
        const data = await chunk(seq);
        const from = Math.max(start, seq * CHUNK_BYTES);
        const to = Math.min(end, seq * CHUNK_BYTES + data.length);
        out.set(data.subarray(from - seq * CHUNK_BYTES, to - seq * CHUNK_BYTES), from - start);
      }
      return out.buffer;
    },
  };
}

/** Bytes held in memory, read the same way. */
export function heldRandomAccess(chunks: readonly Uint8Array[]): AsyncBuffer {
  const whole = Buffer.concat(chunks);
  return {
    byteLength: whole.length,
    slice: (start: number, end?: number) =>
      whole.buffer.slice(whole.byteOffset + start, whole.byteOffset + (end ?? whole.length)),
  };
}
