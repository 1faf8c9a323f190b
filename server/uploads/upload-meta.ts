import type { Role } from "~/generated/prisma/enums";
import { hasRole } from "~/server/auth/roles";
import { AppError } from "~/server/errors";
import type { UploadKind } from "./parsers";

export const uploadKinds = [
  "checkov",
  "trivy",
  "grype",
  "sbom",
  "incidents",
  "deployments",
] as const satisfies readonly UploadKind[];

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
  /** Set by Ladder (never from the form) for a staged file that is not JSON: "pagerduty-csv". */
  format?: string;
}

export interface Uploader {
  workspaceId: string;
  role: Role;
  userId?: string;
  tokenId?: string;
  /** The demo organisation whose simulated CI sent the report: labelled demo, removed with it. */
  demoOrganizationRef?: string;
}

export interface PipelineFacts {
  softFail: boolean | null;
  durationSeconds: number | null;
  defaultBranch: string | null;
}

export function checkUploader(uploader: Uploader): void {
  if (!hasRole(uploader.role, "editor")) {
    throw new AppError("FORBIDDEN", `Uploading needs an editor (or higher) token; this one is a ${uploader.role}.`);
  }
}

/** The kind the pipeline named, checked; undefined to detect it from the file. */
export function readKindHint(meta: UploadMeta): UploadKind | undefined {
  const hint = meta.kind?.trim().toLowerCase();
  if (!hint) return undefined;
  if (!(uploadKinds as readonly string[]).includes(hint)) {
    throw new AppError(
      "BAD_REQUEST",
      `Unknown kind “${hint}”; use one of ${uploadKinds.join(", ")}, or leave it out to detect it.`,
    );
  }
  return hint as UploadKind;
}

export function readPipelineFacts(meta: UploadMeta): PipelineFacts {
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
    defaultBranch: meta.defaultBranch?.trim().slice(0, 300) || null,
  };
}
