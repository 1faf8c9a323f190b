import { mkdirSync, writeFileSync } from "node:fs";

export interface Figure {
  name: string;
  // null: nothing to measure (e.g. no request finished), never written as 0.
  value: number | null;
  unit: string;
  // The target, e.g. "<= 1.5"; null where the issue sets none.
  goal: string | null;
}

// Prints the figures as a table and writes the same figures to .bench/<name>.json.
export function report(bench: string, figures: Figure[]): void {
  const rows = figures.map((f) => [f.name, formatValue(f.value), f.unit, f.goal ?? ""]);
  const header = ["figure", "value", "unit", "goal"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const row of rows) console.log(line(row));
  mkdirSync(".bench", { recursive: true });
  writeFileSync(`.bench/${bench}.json`, `${JSON.stringify({ figures }, null, 2)}\n`);
  console.log(`\nwrote .bench/${bench}.json`);
}

function formatValue(value: number | null): string {
  if (value === null) return "no data";
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}

// Peak resident memory of this process, sampled while `work` runs.
export async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  // memoryUsage.rss() reads only the resident size; memoryUsage() also walks V8's heap spaces,
  // which 20 times a second cost this process (the workers' CPU figure) about 0.5% of a sync.
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peakMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}
