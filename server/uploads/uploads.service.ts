import { v7 as timeOrderedId } from "uuid";
import { db } from "~/server/db";
import { storeReport } from "./store-report";
import { checkUploader, readKindHint, readPipelineFacts, type UploadMeta, type Uploader } from "./upload-meta";

export { uploadKinds, type UploadMeta, type Uploader } from "./upload-meta";

// A report read while its request waits (small files, and the demo organisation's CI reports):
// parsed from memory and stored in one transaction; a file that cannot be read stores nothing.
export async function receiveUpload(opts: { uploader: Uploader; text: string; sizeBytes: number; meta: UploadMeta }) {
  checkUploader(opts.uploader);
  const hint = readKindHint(opts.meta);
  const facts = readPipelineFacts(opts.meta);
  return storeReport({
    id: timeOrderedId(),
    uploader: opts.uploader,
    meta: opts.meta,
    facts,
    hint,
    sizeBytes: opts.sizeBytes,
    input: { text: opts.text },
  });
}

export async function listUploads(opts: { workspaceId: string; limit: number }) {
  const uploads = await db.upload.findMany({
    where: { workspaceId: opts.workspaceId },
    orderBy: { createdAt: "desc" },
    take: opts.limit,
    select: {
      id: true,
      kind: true,
      format: true,
      tool: true,
      toolVersion: true,
      repository: true,
      branch: true,
      commit: true,
      pipeline: true,
      filename: true,
      sizeBytes: true,
      summary: true,
      createdAt: true,
      demoOrganizationRefId: true,
    },
  });
  return uploads.map(({ demoOrganizationRefId, ...upload }) => ({ ...upload, isDemo: demoOrganizationRefId !== null }));
}
