import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";
import type { ByteSource } from "./json/byte-source";
import type { UploadMeta, Uploader } from "./upload-meta";

// A large report is kept in PostgreSQL while it waits for a worker, in chunks of about a
// megabyte: any worker on any machine can read it, and reading it again costs no memory.
const CHUNK_BYTES = 1024 * 1024;

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
  async seal(opts: { meta: UploadMeta; filename: string | undefined }): Promise<void> {
    while (this.pendingBytes > 0) await this.writeChunk(Math.min(CHUNK_BYTES, this.pendingBytes));
    await db.uploadIntake.update({
      where: { id: this.id },
      data: {
        status: "queued",
        sizeBytes: this.sizeBytes,
        meta: opts.meta as unknown as Prisma.InputJsonObject,
        filename: opts.filename?.slice(0, 300) ?? null,
      },
    });
  }

  async discard(): Promise<void> {
    await db.uploadIntake.delete({ where: { id: this.id } }).catch(() => undefined);
  }

  private async writeChunk(size = this.pendingBytes) {
    if (!this.pendingBytes) return;
    const all = Buffer.concat(this.pending, this.pendingBytes);
    const data = all.subarray(0, size);
    this.pending = size < all.length ? [all.subarray(size)] : [];
    this.pendingBytes = all.length - size;
    await db.uploadChunk.create({ data: { intakeId: this.id, seq: this.seq++, data } });
  }
}

/** Reads a staged report back, one chunk in memory at a time. */
export function stagedSource(intakeId: string): ByteSource {
  return async function* () {
    for (let seq = 0; ; seq++) {
      const chunk = await db.uploadChunk.findUnique({ where: { intakeId_seq: { intakeId, seq } }, select: { data: true } });
      if (!chunk) return;
      yield chunk.data;
    }
  };
}
