import type { Check, EvidenceSource } from "./catalogue";
import type { AccountEvidence, MaturityEvidence, SourceSyncEvidence } from "./evidence";
import { outcome, type Outcome } from "./results";

const DAY_MS = 86_400_000;

// The sync source that fetches each kind of evidence; organisation-wide ones are fetched once
// from the management account, so any account's successful run counts for all.
const syncSourceOf: Partial<Record<EvidenceSource, { name: string; organizationWide: boolean }>> = {
  organizations: { name: "organization", organizationWide: true },
  cloudtrail: { name: "organization", organizationWide: true },
  "cost-explorer": { name: "cost", organizationWide: true },
  commitments: { name: "cost", organizationWide: true },
  ecr: { name: "scans", organizationWide: false },
  inspector: { name: "scans", organizationWide: false },
  fis: { name: "chaos", organizationWide: false },
  cloudwatch: { name: "incidents", organizationWide: false },
  codedeploy: { name: "delivery", organizationWide: false },
  xray: { name: "tracing", organizationWide: false },
  eks: { name: "tracing", organizationWide: false },
};

type AccountRows = { [K in keyof MaturityEvidence]: MaturityEvidence[K] extends Array<infer R> ? R : never };
type PerAccountKey = {
  [K in keyof AccountRows]: AccountRows[K] extends { accountId: string | null } ? K : never;
}[keyof AccountRows];

/** Evidence indexed by account once, so a thousand accounts do not mean a thousand scans. */
export class EvaluationContext {
  readonly evidence: MaturityEvidence;
  readonly now: Date;
  private readonly byAccount = new Map<string, Map<string, unknown[]>>();
  /** Per "source|account" (and "source|*"): the newest run and the newest successful one. */
  private readonly syncs = new Map<string, { last?: SourceSyncEvidence; succeeded?: SourceSyncEvidence }>();

  constructor(evidence: MaturityEvidence, now: Date) {
    this.evidence = evidence;
    this.now = now;
    for (const sync of evidence.sourceSyncs) {
      for (const key of [`${sync.source}|${sync.accountId}`, `${sync.source}|*`]) {
        const entry = this.syncs.get(key) ?? {};
        entry.last = newest([...(entry.last ? [entry.last] : []), sync]);
        if (sync.status === "succeeded") entry.succeeded = newest([...(entry.succeeded ? [entry.succeeded] : []), sync]);
        this.syncs.set(key, entry);
      }
    }
  }

  rows<K extends PerAccountKey>(key: K, accountId: string): AccountRows[K][] {
    let index = this.byAccount.get(key);
    if (!index) {
      index = new Map();
      for (const row of this.evidence[key] as Array<{ accountId: string | null }>) push(index, row.accountId ?? "", row);
      this.byAccount.set(key, index);
    }
    return (index.get(accountId) ?? []) as AccountRows[K][];
  }

  daysAgo(days: number): Date {
    return new Date(this.now.getTime() - days * DAY_MS);
  }

  isFresh(observedAt: Date, check: Check): boolean {
    return observedAt.getTime() >= this.daysAgo(check.maxEvidenceAgeDays).getTime();
  }

  /** Rows a sync or upload confirmed within the check's window; older ones no longer count. */
  fresh<T extends { observedAt: Date }>(rows: readonly T[], check: Check): T[] {
    return rows.filter((r) => this.isFresh(r.observedAt, check));
  }

  /**
   * No data unless the check's source was fetched successfully, recently enough, for this
   * account: an empty table after a successful fetch is evidence, an empty one before it is not.
   */
  syncGate(check: Check, account: AccountEvidence): Outcome | undefined {
    return this.sourceGate(check.source, account, check.maxEvidenceAgeDays);
  }

  /** The same gate for evidence read outside a check's own source, within `maxAgeDays`. */
  sourceGate(evidenceSource: EvidenceSource, account: AccountEvidence, maxAgeDays: number): Outcome | undefined {
    const source = syncSourceOf[evidenceSource];
    if (!source) return undefined;
    const key = `${source.name}|${source.organizationWide ? "*" : account.accountId}`;
    const { last, succeeded } = this.syncs.get(key) ?? {};
    if (!succeeded) {
      if (last?.status === "denied") {
        return outcome.noData(`The ${source.name} source was denied access; grant the permission and sync again.`, [last.id]);
      }
      if (last)
        return outcome.noData(`The ${source.name} source has not synced successfully yet (last: ${last.status}).`, [last.id]);
      return outcome.noData(`The ${source.name} source has never been synced for this account.`);
    }
    if (succeeded.observedAt.getTime() < this.daysAgo(maxAgeDays).getTime()) {
      return outcome.noData(
        `Evidence is stale: the ${source.name} source last synced ${isoDay(succeeded.observedAt)}, over ${maxAgeDays} days ago.`,
        [succeeded.id],
      );
    }
    return undefined;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function newest<T extends { observedAt: Date }>(rows: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const row of rows) if (!best || row.observedAt > best.observedAt) best = row;
  return best;
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export const ids = (rows: ReadonlyArray<{ id: string }>): string[] => rows.map((r) => r.id);
