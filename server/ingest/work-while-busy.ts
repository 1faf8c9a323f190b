import type PgBoss from "pg-boss";

// pg-boss waits a whole polling interval after every fetch, even one that found a job: with four
// loops polling every 2 s a worker ran at most two tasks a second however short they were. A loop
// that has just finished a job asks for the next one at once; only an empty queue waits.
export async function workWhileBusy<T extends object>(
  boss: PgBoss,
  queue: string,
  options: PgBoss.WorkOptions & { includeMetadata: true; batchSize: 1 },
  handle: (job: PgBoss.JobWithMetadata<T>) => Promise<unknown>,
): Promise<string> {
  // The first job can arrive before work() returns the id.
  const worker: { id?: string } = {};
  worker.id = await boss.work<T>(queue, options, async ([job]) => {
    if (!job) return;
    try {
      await handle(job);
    } finally {
      if (worker.id) boss.notifyWorker(worker.id);
    }
  });
  return worker.id;
}
