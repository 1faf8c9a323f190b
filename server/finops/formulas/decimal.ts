import { Prisma } from "~/generated/prisma/client";

// Money is Prisma.Decimal end to end: CE and FOCUS amounts arrive as decimal strings and sums of
// them must be exact (0.1 + 0.2 is 0.3 here). Rates come out as fractions 0..1.
export type Decimal = Prisma.Decimal;
export const D = (value: string | number | Prisma.Decimal): Decimal => new Prisma.Decimal(value);
export const ZERO = D(0);

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}

/** a ÷ b, or null when b is zero or missing (no data, never a division by zero). */
export function ratio(a: Decimal | null, b: Decimal | null): Decimal | null {
  if (a === null || b === null || b.isZero()) return null;
  return a.div(b);
}

export const maxZero = (value: Decimal): Decimal => (value.isNegative() ? ZERO : value);
export const min = (a: Decimal, b: Decimal): Decimal => (a.lessThan(b) ? a : b);

/** Money as the API prints it: 6 decimals, trailing zeros kept out. */
export const money = (value: Decimal | null): string | null => (value === null ? null : value.toDecimalPlaces(6).toFixed());
/** A fraction as the API prints it: 6 decimals. */
export const fraction = (value: Decimal | null): string | null => (value === null ? null : value.toDecimalPlaces(6).toFixed());
