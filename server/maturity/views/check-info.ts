import type { Check } from "../catalogue";
import type { CheckStatus } from "../results";
import type { CheckInfo, ResultCell } from "./types";

export function checkInfo(c: Check): CheckInfo {
  return {
    id: c.id,
    title: c.title,
    practiceId: c.practice,
    level: c.level,
    why: c.why,
    fix: c.fix,
    source: c.source,
    mode: c.mode,
    scope: c.scope,
    maxEvidenceAgeDays: c.maxEvidenceAgeDays,
    antiPattern: c.antiPattern,
  };
}

export interface StoredResultRow {
  accountId: string;
  checkId: string;
  status: CheckStatus;
  reason: string;
  since: Date;
  evidenceIds: string[];
  waiverId: string | null;
  blocking: boolean;
}

export interface WaiverSummary {
  id: string;
  reason: string;
  approvedByName: string | null;
  expiresAt: Date | null;
}

export function resultCell(row: StoredResultRow, waivers: ReadonlyMap<string, WaiverSummary>): ResultCell {
  const waiver = row.waiverId ? waivers.get(row.waiverId) : undefined;
  return {
    accountId: row.accountId,
    status: row.status,
    reason: row.reason,
    since: row.since,
    evidenceCount: row.evidenceIds.length,
    blocking: row.blocking,
    waiver: waiver
      ? { id: waiver.id, reason: waiver.reason, approvedBy: waiver.approvedByName ?? "", expiresAt: waiver.expiresAt }
      : null,
  };
}

export const emptyCounts = (): Record<CheckStatus, number> => ({
  pass: 0,
  fail: 0,
  warning: 0,
  not_applicable: 0,
  no_data: 0,
  error: 0,
});
