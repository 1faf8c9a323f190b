import { utcDateTimeLabel, utcDayLabel } from "./utc";

/** An instant written in UTC with its zone: "15 May 2026, 12:53 UTC", or the day alone. */
export function UtcTime({ value, dayOnly = false }: { value: Date | string; dayOnly?: boolean }) {
  const date = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  return (
    <time dateTime={dayOnly ? date.toISOString().slice(0, 10) : date.toISOString()} className="whitespace-nowrap">
      {dayOnly ? utcDayLabel(date) : utcDateTimeLabel(date)}
    </time>
  );
}
