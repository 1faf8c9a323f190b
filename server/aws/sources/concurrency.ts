// Per-item sub-calls (DescribePolicy, GetExperiment, ListTagsForResource…) fan out with a small
// fixed width: enough to hide latency, low enough that one account never eats its own API rate.
export const DEFAULT_CONCURRENCY = 4;

/** Maps in input order with at most `limit` calls in flight; the first failure rejects the whole map. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      signal?.throwIfAborted();
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  // Wait for work already started before failing, so nothing keeps running after the caller
  // has given up (a retried task must not race a previous attempt's writes).
  const settled = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (rejected) throw rejected.reason;
  return results;
}

/** Splits into consecutive batches, for APIs that take at most `size` ids per call. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
