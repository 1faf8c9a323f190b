import { db } from "~/server/db";
import { checks } from "../catalogue";
import type { UploadEvidence, UploadKind } from "../evidence";
import { DAY_MS, type Limit } from "./sql";

// What the upload-based checks read: every Checkov, Trivy/Grype and SBOM upload inside the
// longest window any of them allows (soft-fail and scan-time look at all of them, per commit
// and per pull request), plus the newest older upload of each kind, which a check cites when
// nothing in its window is fresh. Incident uploads reach the rules as Incident rows.
const KINDS: UploadKind[] = ["checkov", "trivy", "grype", "sbom"];
const WINDOW_DAYS = Math.max(...checks.filter((c) => c.source.endsWith("-uploads")).map((c) => c.maxEvidenceAgeDays));

type UploadRow = Omit<UploadEvidence, "bySeverity" | "softFail" | "durationSeconds" | "defaultBranch"> & {
  bySeverity: unknown;
  softFail: boolean | null;
  durationSeconds: number | null;
  defaultBranch: string | null;
};

const SEVERITIES = ["critical", "high", "medium", "low", "info", "unknown"] as const;

function bySeverity(json: unknown): UploadEvidence["bySeverity"] {
  if (typeof json !== "object" || json === null) return {};
  const counts = json as Record<string, unknown>;
  return Object.fromEntries(SEVERITIES.flatMap((s) => (typeof counts[s] === "number" ? [[s, counts[s]]] : [])));
}

// The summary is what the parser counted (server/uploads/parsers/build-upload.ts). Soft-fail,
// scan duration and the default branch are what the pipeline sent beside the file; when it did
// not, they stay undefined and the checks that need them say so.
export async function loadUploads(workspaceId: string, now: Date, limit: Limit): Promise<UploadEvidence[]> {
  const since = new Date(now.getTime() - WINDOW_DAYS * DAY_MS);
  const rows = await limit(
    () => db.$queryRaw<UploadRow[]>`
      SELECT u.id, u.kind, u.tool, u.repository, u.branch, u.commit, u.pipeline, u."createdAt" AS "observedAt",
             COALESCE((u.summary->>'failed')::int, 0) AS failed, COALESCE((u.summary->>'passed')::int, 0) AS passed,
             u.summary->'bySeverity' AS "bySeverity", u."softFail", u."durationSeconds", u."defaultBranch"
        FROM "Upload" u
       WHERE u."workspaceId" = ${workspaceId} AND u.kind = ANY(${KINDS}) AND u."createdAt" >= ${since}
      UNION ALL
      SELECT older.* FROM unnest(${KINDS}::text[]) AS k(kind)
       CROSS JOIN LATERAL (
             SELECT u.id, u.kind, u.tool, u.repository, u.branch, u.commit, u.pipeline, u."createdAt" AS "observedAt",
                    COALESCE((u.summary->>'failed')::int, 0) AS failed, COALESCE((u.summary->>'passed')::int, 0) AS passed,
                    u.summary->'bySeverity' AS "bySeverity", u."softFail", u."durationSeconds", u."defaultBranch"
               FROM "Upload" u
              WHERE u."workspaceId" = ${workspaceId} AND u.kind = k.kind AND u."createdAt" < ${since}
              ORDER BY u."createdAt" DESC LIMIT 1) older
      ORDER BY id`,
  );
  return rows.map(({ softFail, durationSeconds, defaultBranch, ...u }) => ({
    ...u,
    bySeverity: bySeverity(u.bySeverity),
    ...(softFail === null ? {} : { softFail }),
    ...(durationSeconds === null ? {} : { durationSeconds }),
    ...(defaultBranch === null ? {} : { defaultBranch }),
  }));
}
