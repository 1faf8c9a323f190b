// Display of the service's decimal strings. Amounts never pass through floats: they are rounded
// as scaled integers, so "1234.565" shows as $1,234.57 on every machine.

const DECIMAL = /^(-)?(\d*)(?:\.(\d*))?$/;

/** The decimal string as an integer scaled by 10^places, rounded half away from zero; null if unreadable. */
export function toScaled(value: string, places: number): bigint | null {
  const text = /e/i.test(value) ? Number(value).toFixed(places + 1) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match || (match[2] === "" && !match[3])) return null;
  const [, sign, whole = "", fraction = ""] = match;
  const kept = fraction.slice(0, places).padEnd(places, "0");
  let scaled = BigInt(`${whole || "0"}${kept}`);
  if ((fraction[places] ?? "0") >= "5") scaled += 1n;
  return sign && scaled !== 0n ? -scaled : scaled;
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function fromScaled(scaled: bigint, places: number): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, "0");
  const whole = group(digits.slice(0, digits.length - places));
  const fraction = places ? `.${digits.slice(digits.length - places)}` : "";
  return `${negative ? "−" : ""}${whole}${fraction}`;
}

export const NO_DATA = "No data";

/** "$1,234.57"; whole dollars when `cents` is false; "No data" for null. */
export function formatUsd(value: string | null | undefined, { cents = true }: { cents?: boolean } = {}): string {
  if (value === null || value === undefined) return NO_DATA;
  const places = cents ? 2 : 0;
  const scaled = toScaled(value, places);
  if (scaled === null) return value;
  const text = fromScaled(scaled, places);
  return text.startsWith("−") ? `−$${text.slice(1)}` : `$${text}`;
}

/** A fraction 0..1 as a percentage with one decimal: "0.4512" → "45.1%". */
export function formatShare(value: string | null | undefined, places = 1): string {
  if (value === null || value === undefined) return NO_DATA;
  const scaled = toScaled(value, places + 2);
  return scaled === null ? value : `${fromScaled(scaled, places)}%`;
}

/** A plain decimal (hours, counts) with thousands separators. */
export function formatQuantity(value: string | null | undefined, places = 0): string {
  if (value === null || value === undefined) return NO_DATA;
  const scaled = toScaled(value, places);
  return scaled === null ? value : fromScaled(scaled, places);
}

/** Compare two decimal strings exactly (to 10 places); null sorts as smaller than any number. */
export function compareDecimal(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const x = toScaled(a, 10) ?? 0n;
  const y = toScaled(b, 10) ?? 0n;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A decimal string as a number for a chart's geometry only (never for a figure shown as text). */
export function chartNumber(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-05" → "May 2026"; "2026-05-14" → "14 May 2026". */
export function monthLabel(month: string, { short = false }: { short?: boolean } = {}): string {
  const [year, m, day] = month.split("-");
  const name = MONTHS[Number(m) - 1] ?? m;
  const yearText = short ? `’${year?.slice(2)}` : year;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${yearText}`;
}
