import type { SeverityKey } from "./types";

// One ordinal scale for every source: Incident.severityRank (1 critical … 5 no impact) when the
// source's mapping set it, else read from the source's own words ("sev1", "P2", "high").

const KEYS: SeverityKey[] = ["critical", "high", "medium", "low", "none"];

export function severityKeyOf(rank: number | null, severity: string | null): SeverityKey {
  if (rank !== null && rank >= 1 && rank <= 5) return KEYS[rank - 1]!;
  const text = severity?.trim().toLowerCase() ?? "";
  const numbered = /^(?:sev|p|s|impact\s*)?-?\s*([1-5])$/.exec(text);
  if (numbered) return KEYS[Number(numbered[1]) - 1]!;
  if ((KEYS as string[]).includes(text)) return text as SeverityKey;
  return "unknown";
}
