import { formatDay, monthStart, parseDay } from "../data/cost-timeline";
import { SimError } from "../errors";
import type { Input } from "./input";

export interface Period {
  start: Date;
  end: Date;
}

function invalid(message: string): SimError {
  return new SimError("ValidationException", message, 400);
}

/** Reads TimePeriod and cuts it into DAILY or MONTHLY buckets, the first one partial if Start is mid-month. */
export function periodsOf(input: Input, today: Date, defaultGranularity = "MONTHLY"): { periods: Period[]; granularity: string } {
  const range = input.object("TimePeriod");
  if (!range) throw invalid("TimePeriod is required");
  const start = parseDay(range.requiredString("Start"));
  const end = parseDay(range.requiredString("End"));
  if (!start || !end) throw invalid("Date format must be yyyy-MM-dd");
  if (start.getTime() >= end.getTime()) throw invalid("Start date (and hour) should be before end date (and hour)");
  if (end.getTime() > monthStart(today, 1).getTime()) throw invalid("end date past the beginning of next month");
  const granularity = input.string("Granularity") ?? defaultGranularity;
  if (granularity !== "DAILY" && granularity !== "MONTHLY") {
    throw invalid(
      granularity === "HOURLY" ? "Hourly granularity is not enabled for this account" : `Granularity ${granularity} is invalid`,
    );
  }
  const periods: Period[] = [];
  let cursor = start;
  while (cursor.getTime() < end.getTime()) {
    const next = granularity === "DAILY" ? new Date(cursor.getTime() + 86_400_000) : monthStart(cursor, 1);
    const periodEnd = next.getTime() < end.getTime() ? next : end;
    periods.push({ start: cursor, end: periodEnd });
    cursor = periodEnd;
  }
  return { periods, granularity };
}

export function periodShape(period: Period) {
  return { Start: formatDay(period.start), End: formatDay(period.end) };
}

export function amount(value: number, unit = "USD") {
  return { Amount: value.toFixed(10).replace(/\.?0+$/, "") || "0", Unit: unit };
}
