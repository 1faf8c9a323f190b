// The dated fallback table: us-east-1 Linux on-demand list prices (USD/hour) of the pairs in
// research/finops.md §4.1, used when the Price List Query API cannot be reached. A number
// computed from them says so ("fallback-table"). Within these families the price is linear in
// the size, so one size per family is enough.
export const FALLBACK_AS_OF = "2026-06-01";

const LARGE_PRICES: Record<string, number> = {
  m5: 0.096,
  m6g: 0.077,
  m6i: 0.096,
  m6a: 0.0864,
  m7g: 0.0816,
  m7i: 0.1008,
  m7a: 0.11592,
  m8g: 0.0898,
  c5: 0.085,
  c6g: 0.068,
  c6i: 0.085,
  c7g: 0.0725,
  c7i: 0.08925,
  r5: 0.126,
  r6g: 0.1008,
  r6i: 0.126,
  r7g: 0.1071,
  r7i: 0.1323,
  t3: 0.0832,
  t4g: 0.0672,
};

// Size multipliers relative to "large" (2 vCPUs in these families).
const SIZE: Record<string, number> = {
  nano: 1 / 16,
  micro: 1 / 8,
  small: 1 / 4,
  medium: 1 / 2,
  large: 1,
  xlarge: 2,
  "2xlarge": 4,
  "4xlarge": 8,
  "8xlarge": 16,
  "12xlarge": 24,
  "16xlarge": 32,
  "24xlarge": 48,
  "48xlarge": 96,
};

/** The fallback list price of an instance type, or undefined when the table does not cover it. */
export function fallbackPrice(instanceType: string): number | undefined {
  const [family, size] = instanceType.split(".");
  const large = LARGE_PRICES[family ?? ""];
  const factor = SIZE[size ?? ""];
  if (large === undefined || factor === undefined) return undefined;
  return Math.round(large * factor * 1e6) / 1e6;
}
