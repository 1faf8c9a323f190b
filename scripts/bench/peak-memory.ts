import { readFileSync, writeFileSync } from "node:fs";
import { withPeakMemory } from "./report";

// Linux keeps a process's peak resident memory (VmHWM), which sampling every 50 ms can miss while
// a long synchronous step runs; writing 5 to clear_refs starts it again from the current size.
// Elsewhere only the samples count.

function resetHighWaterMark(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

function highWaterMarkMb(): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
  return kb ? Number(kb) / 1024 : 0;
}

/** Peak resident memory of this process while `work` runs: the kernel's where it keeps one. */
export async function withExactPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  const exact = resetHighWaterMark();
  const { result, peakMb } = await withPeakMemory(work);
  return { result, peakMb: exact ? Math.max(peakMb, highWaterMarkMb()) : peakMb };
}
