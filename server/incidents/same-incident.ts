// The same incident arriving from several sources (the alarm, the Incident Manager record it
// opened, the page it raised) is counted once. Two rows of DIFFERENT sources are one incident when
//   (a) they name the same alarm ARN and the later one started before the earlier one was resolved
//       (or within 15 minutes of its start): one alarm raises many incidents over time, one per
//       episode, so the ARN alone cannot join them; or
//   (b) they have the same account and the same service and started within 15 minutes of each other.
// Rows of one source never merge with each other: a source's own key already says what it counts
// as one. The match is transitive. The earliest-started row represents the incident (ties: the
// lower id); the others are listed in `alsoFrom`.

export const SAME_INCIDENT_WINDOW_MS = 15 * 60_000;

export interface IncidentRow {
  id: string;
  source: string;
  accountId: string | null;
  service: string | null;
  alarmArn: string | null;
  startedAt: Date;
  resolvedAt: Date | null;
}

export interface MergedIncident<R extends IncidentRow> {
  row: R;
  alsoFrom: R[];
}

const byStart = (a: IncidentRow, b: IncidentRow) =>
  a.startedAt.getTime() - b.startedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function mergeSameIncidents<R extends IncidentRow>(rows: R[]): MergedIncident<R>[] {
  const sorted = [...rows].sort(byStart);
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (i: number, j: number) => {
    const a = find(i);
    const b = find(j);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  const groups = (key: (r: R) => string | null) => {
    const out = new Map<string, number[]>();
    sorted.forEach((r, i) => {
      const k = key(r);
      if (k === null) return;
      const list = out.get(k);
      if (list) list.push(i);
      else out.set(k, [i]);
    });
    return out.values();
  };
  for (const members of groups((r) => r.alarmArn)) {
    for (let x = 0; x < members.length; x++) {
      const first = sorted[members[x]!]!;
      const start = first.startedAt.getTime();
      const until = Math.max(start + SAME_INCIDENT_WINDOW_MS, first.resolvedAt?.getTime() ?? start);
      for (let y = x + 1; y < members.length; y++) {
        const later = sorted[members[y]!]!;
        if (later.startedAt.getTime() > until) break;
        if (later.source !== first.source) union(members[x]!, members[y]!);
      }
    }
  }
  for (const members of groups((r) => (r.accountId && r.service ? `${r.accountId}\u0000${r.service}` : null))) {
    for (let x = 0; x < members.length; x++) {
      const first = sorted[members[x]!]!;
      for (let y = x + 1; y < members.length; y++) {
        const later = sorted[members[y]!]!;
        if (later.startedAt.getTime() - first.startedAt.getTime() > SAME_INCIDENT_WINDOW_MS) break;
        if (later.source !== first.source) union(members[x]!, members[y]!);
      }
    }
  }
  const merged = new Map<number, MergedIncident<R>>();
  sorted.forEach((row, i) => {
    const root = find(i);
    const group = merged.get(root);
    if (group) group.alsoFrom.push(row);
    else merged.set(root, { row, alsoFrom: [] });
  });
  return [...merged.values()];
}
