import type { Check } from "../catalogue";
import type { EvaluationContext } from "../context";
import { ids, isoDay, newest } from "../context";
import type { UploadEvidence, UploadKind } from "../evidence";
import { outcome, type Outcome } from "../results";

const UNNAMED = "(no repository)";

export const repositoryOf = (u: UploadEvidence): string => u.repository ?? UNNAMED;

export function isDefaultBranch(u: UploadEvidence): boolean {
  if (!u.branch) return false;
  const branch = u.branch.replace(/^refs\/heads\//, "");
  return u.defaultBranch ? branch === u.defaultBranch : branch === "main" || branch === "master";
}

export function groupByRepository(uploads: readonly UploadEvidence[]): Map<string, UploadEvidence[]> {
  const groups = new Map<string, UploadEvidence[]>();
  for (const u of uploads) groups.set(repositoryOf(u), [...(groups.get(repositoryOf(u)) ?? []), u]);
  return groups;
}

/**
 * Uploads of the given kinds inside the check's window, or the no-data outcome that explains
 * why there are none: never uploaded, or only uploads older than the window.
 */
export function freshUploads(
  ctx: EvaluationContext,
  check: Check,
  kinds: readonly UploadKind[],
): { uploads: UploadEvidence[] } | { missing: Outcome } {
  const all = ctx.evidence.uploads.filter((u) => kinds.includes(u.kind));
  const fresh = ctx.fresh(all, check);
  if (fresh.length) return { uploads: fresh };
  const last = newest(all);
  return {
    missing: last
      ? outcome.noData(
          `The newest ${kinds.join("/")} upload is from ${isoDay(last.observedAt)}, older than ${check.maxEvidenceAgeDays} days.`,
          [last.id],
        )
      : outcome.noData(`No ${kinds.join(" or ")} results have been uploaded.`),
  };
}

export function newestPerRepository(uploads: readonly UploadEvidence[]): UploadEvidence[] {
  return [...groupByRepository(uploads).values()].map((list) => newest(list)).filter((u): u is UploadEvidence => !!u);
}

export const uploadIds = (uploads: readonly UploadEvidence[], max = 20): string[] => ids(uploads.slice(0, max));
