import type { PeriodInfo } from "./types";

// Calendar months in UTC. The default period is the last full month; "mtd" is this month up to
// today (Cost Explorer reports whole days, up to yesterday).

const DAY_MS = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
export const monthKey = (d: Date) => d.toISOString().slice(0, 7);
export const monthStart = (key: string) => new Date(`${key}-01T00:00:00Z`);
export const addMonths = (d: Date, n: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
export const startOfDay = (d: Date) => new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);

const LABEL = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

export function monthPeriod(key: string): PeriodInfo {
  const from = monthStart(key);
  return { key, label: LABEL.format(from), from: iso(from), to: iso(addMonths(from, 1)), estimated: false };
}

export function monthToDate(now: Date): PeriodInfo {
  const from = addMonths(now, 0);
  return { key: "mtd", label: `${LABEL.format(from)} to date`, from: iso(from), to: iso(startOfDay(now)), estimated: true };
}

export function resolvePeriod(period: string | undefined, now: Date): PeriodInfo {
  const current = monthKey(now);
  if (period === "mtd" || period === current) return monthToDate(now);
  return monthPeriod(period ?? monthKey(addMonths(now, -1)));
}

/** The 13 full months before now and the month to date, newest first. */
export function periodOptions(now: Date): PeriodInfo[] {
  const months = Array.from({ length: 13 }, (_, i) => monthPeriod(monthKey(addMonths(now, -1 - i))));
  return [monthToDate(now), ...months];
}

/** The 13 months ending with the period's month, oldest first. */
export function trendMonths(period: PeriodInfo): string[] {
  const last = monthStart(period.from.slice(0, 7));
  return Array.from({ length: 13 }, (_, i) => monthKey(addMonths(last, i - 12)));
}
