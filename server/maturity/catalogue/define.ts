import type { Check, PracticeId } from "./types";

export type CheckDraft = Omit<Check, "practice" | "antiPattern"> & { antiPattern?: boolean };

/** Checks are written per practice; this stamps the practice and the anti-pattern default. */
export function defineChecks(practice: PracticeId, drafts: readonly CheckDraft[]): Check[] {
  return drafts.map((d) => ({ ...d, practice, antiPattern: d.antiPattern ?? false }));
}
