import { AppError } from "~/server/errors";

// Cell values as they go into COPY: decimals stay the text the file wrote (Postgres numeric
// reads plain and exponent notation exactly), timestamps become UTC text. A cell Ladder cannot
// read is a 400 naming its column and its line.

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?$/;

/** Where a value is: line 7 of a CSV, row 7 of a Parquet file. */
export interface Place {
  unit: "line" | "row";
  line: number;
}

export const placeText = (place: Place) => `${place.unit} ${place.line}`;

export function badValue(column: string, place: Place, value: string, expected: string): AppError {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return new AppError("BAD_REQUEST", `${column} on ${placeText(place)} is “${shown}”, not ${expected}.`, column);
}

export function readDecimal(value: string | null, column: string, place: Place): string | null {
  if (value === null) return null;
  const text = value.trim();
  if (!DECIMAL.test(text)) throw badValue(column, place, value, "a number");
  return text;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// The FOCUS sample data writes dates the US way, month first, with a two- or four-digit year.
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function utcText(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}`;
}

function parseTimestamp(text: string): string | undefined {
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h = "00", mi = "00", s = "00", fraction = "", zone] = iso;
    const millis = fraction ? fraction.slice(1, 4).padEnd(3, "0") : "000";
    const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${millis}${zone && !/^z$/i.test(zone) ? normaliseZone(zone) : "Z"}`);
    return Number.isNaN(date.getTime()) || !sameCalendarDay(date, zone, Number(y), Number(mo), Number(d))
      ? undefined
      : utcText(date);
  }
  const us = US.exec(text);
  if (us) {
    const [, mo, d, y, h = "0", mi = "00", s = "00"] = us;
    const year = y!.length === 2 ? 2000 + Number(y) : Number(y);
    const date = new Date(Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
    if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return undefined;
    return utcText(date);
  }
  return undefined;
}

const normaliseZone = (zone: string) =>
  zone.length === 3 ? `${zone}:00` : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;

// new Date("2025-02-30") rolls over to March; a date that does not exist is refused instead.
function sameCalendarDay(date: Date, zone: string | undefined, y: number, mo: number, d: number): boolean {
  if (zone && !/^z$/i.test(zone)) return true;
  return date.getUTCFullYear() === y && date.getUTCMonth() + 1 === mo && date.getUTCDate() === d;
}

/** Reads timestamps, remembering the last few thousand: an export repeats the same few dates. */
export class TimestampReader {
  private seen = new Map<string, string>();

  read(value: string | null, column: string, place: Place): string | null {
    if (value === null) return null;
    const known = this.seen.get(value);
    if (known !== undefined) return known;
    const parsed = parseTimestamp(value.trim());
    if (parsed === undefined) throw badValue(column, place, value, "a date and time (ISO 8601, e.g. 2026-10-01T00:00:00Z)");
    if (this.seen.size >= 4096) this.seen.clear();
    this.seen.set(value, parsed);
    return parsed;
  }
}
