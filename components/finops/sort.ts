import { compareDecimal } from "./format";

export type SortDirection = "ascending" | "descending";

/**
 * Rows sorted by one column: decimal strings compared exactly, text by locale; rows with no data
 * go last whichever the direction, so "No data" never poses as the smallest or the largest.
 */
export function sortRows<Row, Key extends keyof Row>(
  rows: readonly Row[],
  key: Key,
  direction: SortDirection,
  numeric: boolean,
): Row[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key] as unknown as string | null;
    const y = b[key] as unknown as string | null;
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (numeric ? compareDecimal(x, y) : x.localeCompare(y));
  });
}
