import type { Role } from "~/generated/prisma/enums";
import type { Prisma } from "~/generated/prisma/client";
import { hasRole } from "~/server/auth/roles";
import { db } from "~/server/db";
import { AppError } from "~/server/errors";
import { parseUpload, type ParsedUpload, type UploadKind } from "./parsers";

export const uploadKinds = ["checkov", "trivy", "grype", "sbom", "incidents"] as const satisfies readonly UploadKind[];

export interface UploadMeta {
  kind?: string;
  repository?: string;
  branch?: string;
  commit?: string;
  pipeline?: string;
  filename?: string;
  /** "true" when the job let failures through (Checkov's soft_fail); the file itself cannot say. */
  softFail?: string;
  durationSeconds?: string;
  defaultBranch?: string;
}

export interface Uploader {
  workspaceId: string;
  role: Role;
  userId?: string;
  tokenId?: string;
}

const clean = (value: string | undefined, max = 300) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max) : null;
};

// Parses first, stores after, in one transaction: a file that cannot be read stores nothing.
export async function receiveUpload(opts: { uploader: Uploader; text: string; sizeBytes: number; meta: UploadMeta }) {
  if (!hasRole(opts.uploader.role, "editor")) {
    throw new AppError("FORBIDDEN", `Uploading needs an editor (or higher) token; this one is a ${opts.uploader.role}.`);
  }
  const hint = opts.meta.kind?.trim().toLowerCase();
  if (hint && !(uploadKinds as readonly string[]).includes(hint)) {
    throw new AppError(
      "BAD_REQUEST",
      `Unknown kind “${hint}”; use one of ${uploadKinds.join(", ")}, or leave it out to detect it.`,
    );
  }
  const pipelineFacts = readPipelineFacts(opts.meta);
  const parsed = parseUpload(opts.text, hint as UploadKind | undefined);
  const upload = await db.$transaction(async (tx) => storeParsed(tx, opts, parsed, pipelineFacts), { timeout: 60_000 });
  return {
    id: upload.id,
    kind: parsed.kind,
    format: parsed.format,
    tool: parsed.tool,
    specVersion: parsed.specVersion ?? null,
    counts: parsed.summary,
    warnings: parsed.warnings,
  };
}

async function storeParsed(
  tx: Prisma.TransactionClient,
  opts: { uploader: Uploader; sizeBytes: number; meta: UploadMeta },
  parsed: ParsedUpload,
  facts: PipelineFacts,
) {
  const upload = await tx.upload.create({
    data: {
      workspaceId: opts.uploader.workspaceId,
      kind: parsed.kind,
      format: parsed.format,
      tool: parsed.tool.name,
      toolVersion: parsed.tool.version ?? null,
      specVersion: parsed.specVersion ?? null,
      filename: clean(opts.meta.filename),
      sizeBytes: opts.sizeBytes,
      repository: clean(opts.meta.repository),
      branch: clean(opts.meta.branch),
      commit: clean(opts.meta.commit, 80),
      pipeline: clean(opts.meta.pipeline),
      ...facts,
      summary: { ...parsed.summary, warnings: parsed.warnings } as unknown as Prisma.InputJsonObject,
      uploadedById: opts.uploader.userId ?? null,
      tokenId: opts.uploader.tokenId ?? null,
    },
    select: { id: true },
  });
  if (parsed.findings.length) {
    await tx.uploadFinding.createMany({
      data: parsed.findings.map((f) => ({
        uploadId: upload.id,
        fingerprint: f.fingerprint,
        ruleId: f.ruleId,
        title: f.title.slice(0, 2000),
        severity: f.severity,
        status: f.status,
        resource: f.resource ?? null,
        file: f.file ?? null,
        line: f.line ?? null,
        packageName: f.packageName ?? null,
        installedVersion: f.installedVersion ?? null,
        fixedVersion: f.fixedVersion ?? null,
        vulnerabilityId: f.vulnerabilityId ?? null,
        cvss: f.cvss ?? null,
        url: f.url ?? null,
      })),
      skipDuplicates: true,
    });
  }
  if (parsed.components.length) {
    await tx.sbomComponent.createMany({
      data: parsed.components.map((c) => ({
        uploadId: upload.id,
        purl: c.purl ?? null,
        name: c.name,
        version: c.version ?? null,
        type: c.type ?? null,
        licenses: c.licenses,
        supplier: c.supplier ?? null,
      })),
    });
  }
  for (const incident of parsed.incidents) {
    const data = {
      title: incident.title,
      service: incident.service ?? null,
      severity: incident.severity ?? null,
      accountId: incident.accountId ?? null,
      startedAt: incident.startedAt,
      resolvedAt: incident.resolvedAt ?? null,
      durationSeconds: incident.resolvedAt
        ? Math.round((incident.resolvedAt.getTime() - incident.startedAt.getTime()) / 1000)
        : null,
      uploadId: upload.id,
    };
    await tx.incident.upsert({
      where: {
        workspaceId_source_externalKey: {
          workspaceId: opts.uploader.workspaceId,
          source: "upload",
          externalKey: incident.externalId,
        },
      },
      create: { ...data, workspaceId: opts.uploader.workspaceId, source: "upload", externalKey: incident.externalId },
      update: data,
    });
  }
  return upload;
}

export async function listUploads(opts: { workspaceId: string; limit: number }) {
  return db.upload.findMany({
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
    },
  });
}

interface PipelineFacts {
  softFail: boolean | null;
  durationSeconds: number | null;
  defaultBranch: string | null;
}

function readPipelineFacts(meta: UploadMeta): PipelineFacts {
  const soft = meta.softFail?.trim().toLowerCase();
  if (soft && !["true", "false", "1", "0"].includes(soft)) {
    throw new AppError("BAD_REQUEST", `softFail must be true or false, not “${meta.softFail}”.`);
  }
  const duration = meta.durationSeconds?.trim();
  const seconds = duration ? Number(duration) : null;
  if (seconds !== null && (!Number.isFinite(seconds) || seconds < 0 || seconds > 86_400)) {
    throw new AppError("BAD_REQUEST", `durationSeconds must be the scan's duration in seconds (0 to 86400), not “${duration}”.`);
  }
  return {
    softFail: soft ? soft === "true" || soft === "1" : null,
    durationSeconds: seconds === null ? null : Math.round(seconds),
    defaultBranch: clean(meta.defaultBranch),
  };
}
