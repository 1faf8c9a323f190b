// The totals a FOCUS upload stored, per billing period and sub-account, read from the upload's
// answer (201) or its stored status (after a 202): the import's summary is the upload's `counts`
// (server/focus/focus-summary.ts, `counts.totals`). Read defensively, so a missing field shows as
// "no data", never as a crash or a zero.

export interface FocusTotal {
  billingPeriod: string;
  provider: string | null;
  billingAccountId: string | null;
  subAccountId: string | null;
  subAccountName: string | null;
  rows: number | null;
  billedCost: string | null;
  effectiveCost: string | null;
}

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === "string" ? value : typeof value === "number" ? String(value) : null);

function totalsArray(answer: Loose): unknown[] | null {
  const counts = isObject(answer.counts) ? answer.counts : isObject(answer.summary) ? answer.summary : answer;
  const focus = isObject(counts.focus) ? counts.focus : counts;
  const totals = focus.totals ?? focus.focusTotals;
  return Array.isArray(totals) ? totals : null;
}

export function readFocusTotals(answer: unknown): FocusTotal[] | null {
  if (!isObject(answer)) return null;
  const totals = totalsArray(answer);
  if (!totals) return null;
  return totals.filter(isObject).map((t) => ({
    billingPeriod: text(t.billingPeriod ?? t.billingPeriodStart) ?? "Unknown period",
    provider: text(t.provider ?? t.providerName),
    billingAccountId: text(t.billingAccountId),
    subAccountId: text(t.subAccountId),
    subAccountName: text(t.subAccountName),
    rows: typeof t.rows === "number" ? t.rows : null,
    billedCost: text(t.billedCost),
    effectiveCost: text(t.effectiveCost),
  }));
}
