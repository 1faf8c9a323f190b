// Numbers as the incidents view writes them in notes, inputs and summaries.

/** Two significant digits, without trailing zeros or exponent: 0.0063, 4.2, 17, 1200. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return "∞";
  if (x === 0) return "0";
  const digits = Math.max(0, 1 - Math.floor(Math.log10(Math.abs(x))));
  return String(Number(x.toFixed(Math.min(digits, 20))));
}

export function formatPercent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(1))}%`;
}

/** "45 s", "12 min", "3.5 h", "2.1 days". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${Number((seconds / 3600).toFixed(1))} h`;
  return `${Number((seconds / 86_400).toFixed(1))} days`;
}

export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
