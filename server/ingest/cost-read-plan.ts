import { type CostWindow, formatDay } from "~/server/aws/sources/cost-window";

// What a sync reads from Cost Explorer (docs/decisions/0007-incremental-cost-reads.md). Each
// page costs the payer $0.01, so a sync reads only what can have changed since the last one, all
// at MONTHLY granularity, one request (and its pages) per series:
// - the current month to date (up to the start of today, what the views sum), every sync;
// - a closed month read whole once when it closes, and once more when Cost Explorer calls it final
//   (it stops flagging it Estimated a few days into the next month); after that, never again.
// In between, one MONTHLY request without groups (the probe) asks whether last month is final yet.

/** The current month and the twelve before it: what Cost Explorer keeps. */
const HISTORY_MONTHS = 12;
const DAY_MS = 86_400_000;

export interface CostReadMarkState {
  /** Months before it are final and stored one row per month. */
  finalBefore: Date;
  /** When the last complete read was. */
  readAt: Date;
}

export interface CostReadPlan {
  /** Closed months not known to be final, then this month up to today: read MONTHLY. Null when empty (the 1st). */
  months: CostWindow | null;
  /** Last month, read whole since it closed and Estimated then: one MONTHLY request without groups asks again. */
  probe: CostWindow | null;
}

const startOfDay = (d: Date) => new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);
const monthStart = (d: Date, offset: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));
const window = (from: Date, to: Date): CostWindow | null => (from < to ? { start: formatDay(from), end: formatDay(to) } : null);

export function costReadPlan({ now, mark }: { now: Date; mark: CostReadMarkState | null }): CostReadPlan {
  const today = startOfDay(now);
  const current = monthStart(today, 0);
  const previous = monthStart(today, -1);
  const oldest = monthStart(today, -HISTORY_MONTHS);
  const finalBefore = mark && mark.finalBefore > oldest ? mark.finalBefore : oldest;
  // A mark left at last month by a read this month means that read took last month whole (as
  // the first read after it closed, or as the first read ever) and Cost Explorer still flagged it.
  const readSinceClosed = mark !== null && finalBefore.getTime() === previous.getTime() && mark.readAt >= current;
  if (readSinceClosed) return { months: window(current, today), probe: window(previous, current) };
  return { months: window(finalBefore, today), probe: null };
}

/** The plan once the probe has answered: last month, final now, is read whole once more. */
export function planAfterProbe(plan: CostReadPlan, { estimated }: { estimated: boolean }): CostReadPlan {
  if (!plan.probe || estimated) return plan;
  return { ...plan, months: { start: plan.probe.start, end: plan.months?.end ?? plan.probe.end } };
}

/**
 * The mark after a complete read. Months before last month are final whatever the flags say (AWS
 * closes a bill within days); last month is final once Cost Explorer no longer flags it Estimated.
 * `estimatedMonths` holds the first day ("YYYY-MM-DD") of every month a MONTHLY read or the probe flagged.
 */
export function nextMark({ now, estimatedMonths }: { now: Date; estimatedMonths: Set<string> }): CostReadMarkState {
  const previous = monthStart(now, -1);
  const lastMonthOpen = estimatedMonths.has(formatDay(previous));
  return { finalBefore: lastMonthOpen ? previous : monthStart(now, 0), readAt: now };
}
