/** A Cost Explorer time period: "YYYY-MM-DD" days, start inclusive, end exclusive. */
export interface CostWindow {
  start: string;
  end: string;
}

const DAY_MS = 86_400_000;

export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function monthStart(date: Date, offsetMonths: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offsetMonths, 1));
}

/**
 * What to (re)read on a sync. The first sync takes everything CE keeps: the current month and
 * the twelve before it (13 months). Later syncs re-read from the first day of the previous month,
 * because AWS keeps revising last month's figures (Estimated) until it closes the bill early in
 * the month. The end is tomorrow, exclusive, so today's partial day is included.
 */
export function costWindow({ now, lastSyncedAt }: { now: Date; lastSyncedAt?: Date | null }): CostWindow {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const start = lastSyncedAt ? monthStart(today, -1) : monthStart(today, -12);
  return { start: formatDay(start), end: formatDay(new Date(today.getTime() + DAY_MS)) };
}

/** The Savings Plans APIs reject an End after today, unlike GetCostAndUsage. */
export function endNoLaterThanToday(window: CostWindow, now: Date): CostWindow {
  const today = formatDay(now);
  return { start: window.start, end: window.end > today ? today : window.end };
}
