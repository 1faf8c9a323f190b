import type { Prisma } from "~/generated/prisma/client";
import { db, withConnection } from "~/server/db";
import type { ByteSource } from "./json/byte-source";
import type { Outline } from "./parsers";
import type { UploadMeta, Uploader } from "./upload-meta";

// A large report is kept in PostgreSQL while it waits for a worker, in chunks of about a
// megabyte: any worker on any machine can read it, and reading it again costs no memory.
export const CHUNK_BYTES = 1024 * 1024;

export class StagedReport {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private seq = 0;
  sizeBytes = 0;

  private constructor(readonly id: string) {}

  static async create(opts: { uploader: Uploader }): Promise<StagedReport> {
    const intake = await db.uploadIntake.create({
      data: {
        workspaceId: opts.uploader.workspaceId,
        meta: {},
        uploadedById: opts.uploader.userId ?? null,
        tokenId: opts.uploader.tokenId ?? null,
      },
      select: { id: true },
    });
    return new StagedReport(intake.id);
  }

  async write(bytes: Buffer): Promise<void> {
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    this.sizeBytes += bytes.length;
    while (this.pendingBytes >= CHUNK_BYTES) await this.writeChunk(CHUNK_BYTES);
  }

  /** The last chunk, then the report waits for a worker. */
  async seal(opts: { meta: UploadMeta; filename: string | undefined; outline?: Outline }): Promise<void> {
    while (this.pendingBytes > 0) await this.writeChunk(Math.min(CHUNK_BYTES, this.pendingBytes));
    await db.uploadIntake.update({
      where: { id: this.id },
      data: {
        status: "queued",
        sizeBytes: this.sizeBytes,
        meta: opts.meta as unknown as Prisma.InputJsonObject,
        filename: opts.filename?.slice(0, 300) ?? null,
        // A FOCUS file has no outline: its header is read again by the worker.
        ...(opts.outline
          ? { outline: JSON.stringify(opts.outline.doc), listLengths: Object.fromEntries(opts.outline.listLengths) }
          : {}),
      },
    });
  }

  async discard(): Promise<void> {
    await db.uploadIntake.delete({ where: { id: this.id } }).catch(() => undefined);
  }

  private async writeChunk(size = this.pendingBytes) {
    if (!this.pendingBytes) return;
    // One concatenation per chunk written, however the body arrived (a whole file can come as
    // one buffer): the rest is kept as a view, not copied again.
    const all = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    const data = all.subarray(0, size);
    this.pending = size < all.length ? [all.subarray(size)] : [];
    this.pendingBytes = all.length - size;
    // node-postgres sends a Buffer as a binary parameter: no hex encoding of the megabyte.
    await withConnection((client) =>
      client.query(`INSERT INTO "UploadChunk" ("intakeId", seq, data) VALUES ($1, $2, $3)`, [this.id, this.seq++, data]),
    );
  }
}

/** Reads a staged report back, one chunk in memory at a time (and the next on its way). */
export function stagedSource(intakeId: string): ByteSource {
  const read = (seq: number) =>
    withConnection(async (client) => {
      const result = await client.query<{ data: Buffer }>(`SELECT data FROM "UploadChunk" WHERE "intakeId" = $1 AND seq = $2`, [
        intakeId,
        seq,
      ]);
      return result.rows[0]?.data;
    });
  return async function* () {
    let next = read(0);
    for (let seq = 1; ; seq++) {
      const data = await next;
      if (!data) return;
      next = read(seq);
      next.catch(() => undefined);
      yield data;
    }
  };
}
