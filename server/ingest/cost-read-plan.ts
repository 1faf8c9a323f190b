import { type CostWindow, formatDay } from "~/server/aws/sources/cost-window";

// What a sync reads from Cost Explorer (docs/decisions/0007-incremental-cost-reads.md). Each
// page costs the payer $0.01, so a sync reads only what can have changed since the last one:
// - closed months, at MONTHLY granularity, until Cost Explorer calls them final (it stops
//   flagging them Estimated a few days into the next month); after that, never again;
// - the current month's days, at DAILY granularity, from a few days before the last read, since
//   Cost Explorer restates recent days for a while.

/** How many days before the last read a day can still be restated by Cost Explorer. */
export const RESTATEMENT_DAYS = 3;
/** The current month and the twelve before it: what Cost Explorer keeps. */
const HISTORY_MONTHS = 12;
const DAY_MS = 86_400_000;

export interface CostReadMarkState {
  /** Months before it are final and stored one row per month. */
  finalBefore: Date;
  /** When the days after them were last read. */
  readAt: Date;
}

export interface CostReadPlan {
  /** Closed months not known to be final: read MONTHLY. Null when none is left. */
  months: CostWindow | null;
  /** The current month's days that can have changed: read DAILY. */
  days: CostWindow;
  /** The months to re-read and the current month to date as one MONTHLY read, for series no view reads by day. */
  monthsToDate: CostWindow;
}

const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
const monthStart = (d: Date, offset: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));

export function costReadPlan({ now, mark }: { now: Date; mark: CostReadMarkState | null }): CostReadPlan {
  const today = startOfDay(now);
  const tomorrow = formatDay(new Date(today.getTime() + DAY_MS));
  const current = monthStart(today, 0);
  const oldest = monthStart(today, -HISTORY_MONTHS);
  const finalBefore = mark && mark.finalBefore > oldest ? mark.finalBefore : oldest;
  const months = finalBefore < current ? { start: formatDay(finalBefore), end: formatDay(current) } : null;
  // Without a mark nothing of the month is stored yet. A day read last time is read again while
  // it can still be restated; the end is tomorrow, exclusive, so today's partial day comes too.
  const restatedFrom = mark ? new Date(startOfDay(mark.readAt).getTime() - RESTATEMENT_DAYS * DAY_MS) : current;
  const daysFrom = restatedFrom > current ? restatedFrom : current;
  return {
    months,
    days: { start: formatDay(daysFrom), end: tomorrow },
    monthsToDate: { start: months?.start ?? formatDay(current), end: tomorrow },
  };
}

/**
 * The mark after a complete read. Months before last month are final whatever the flags say (AWS
 * closes a bill within days); last month is final once Cost Explorer no longer flags it Estimated.
 * `estimatedMonths` holds the first day ("YYYY-MM-DD") of every month a MONTHLY read flagged.
 */
export function nextMark({ now, plan, estimatedMonths }: { now: Date; plan: CostReadPlan; estimatedMonths: Set<string> }) {
  const current = monthStart(now, 0);
  const previous = monthStart(now, -1);
  const lastMonthOpen =
    plan.months !== null && plan.months.start <= formatDay(previous) && estimatedMonths.has(formatDay(previous));
  return { finalBefore: lastMonthOpen ? previous : current, readAt: now };
}
