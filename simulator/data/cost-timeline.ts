const DAY_MS = 86_400_000;

/** 13 months of history: from the first day of the month a year before today, up to yesterday. */
export class CostTimeline {
  readonly start: Date;
  readonly today: Date;
  readonly dayCount: number;
  /** Day indexes of the story's turning points. */
  readonly riPurchaseDay: number;
  readonly savingsPlanDay: number;
  readonly karpenterDay: number;

  constructor(today: Date) {
    this.today = today;
    this.start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 12, 1));
    this.dayCount = Math.round((today.getTime() - this.start.getTime()) / DAY_MS);
    this.riPurchaseDay = this.dayOf(monthStart(this.start, 2));
    this.savingsPlanDay = this.dayOf(monthStart(this.start, 4));
    this.karpenterDay = this.dayOf(monthStart(this.start, 6));
  }

  dayOf(date: Date): number {
    return Math.floor((date.getTime() - this.start.getTime()) / DAY_MS);
  }

  dateOf(day: number): Date {
    return new Date(this.start.getTime() + day * DAY_MS);
  }

  /** Progress through the year in 0..1, what the Graviton and growth trends ride on. */
  progress(day: number): number {
    return Math.min(1, Math.max(0, day / Math.max(1, this.dayCount - 1)));
  }

  isWeekend(day: number): boolean {
    const weekday = this.dateOf(day).getUTCDay();
    return weekday === 0 || weekday === 6;
  }

  /**
   * Whether AWS has finalised last month's bill, set through the control API (tests, benchmarks)
   * to pick either side of the day it happens; undefined follows the calendar.
   */
  lastMonthFinal: boolean | undefined;

  /** CE marks figures of the current month, and of last month until about the 5th, as estimated. */
  isEstimated(periodEnd: Date): boolean {
    const currentMonth = monthStart(this.today, 0);
    const lastMonthFinal = this.lastMonthFinal ?? this.today.getUTCDate() >= 5;
    const finalizedBefore = lastMonthFinal ? currentMonth : monthStart(this.today, -1);
    return periodEnd.getTime() > finalizedBefore.getTime();
  }
}

export function monthStart(date: Date, offsetMonths: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offsetMonths, 1));
}

export function parseDay(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export { DAY_MS };
