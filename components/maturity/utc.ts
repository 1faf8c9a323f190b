// History is told in UTC: the "since" day starts at 00:00 UTC and the trend's days are UTC days,
// so the times beside them are UTC too, written with the zone, and the same on the server and in
// every reader's browser.

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });

const asDate = (value: Date | string) => (typeof value === "string" ? new Date(value) : value);

/** "15 May 2026" for an instant, or for a YYYY-MM-DD day read as UTC. */
export function utcDayLabel(value: Date | string): string {
  return dayFormat.format(
    typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : asDate(value),
  );
}

/** "12:53 UTC" */
export const utcTimeLabel = (value: Date | string): string => `${timeFormat.format(asDate(value))} UTC`;

/** "15 May 2026, 12:53 UTC" */
export const utcDateTimeLabel = (value: Date | string): string => `${utcDayLabel(value)}, ${utcTimeLabel(value)}`;
