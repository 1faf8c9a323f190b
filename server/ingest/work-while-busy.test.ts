import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workWhileBusy } from "./work-while-busy";

// A loop whose polling interval is longer than the test may run: had it waited one interval after
// each job, only the first of the queued jobs would be done when the test times out.
const POLL_SECONDS = 120;

let boss: PgBoss;

beforeAll(async () => {
  boss = new PgBoss({
    connectionString: process.env.DATABASE_URL,
    schema: `${process.env.LADDER_QUEUE_SCHEMA}_busy`,
    supervise: false,
    schedule: false,
  });
  await boss.start();
  await boss.createQueue("busy");
});

afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
});

describe("workWhileBusy", () => {
  it(
    "takes the next queued job as soon as one is done, and waits only when the queue is empty",
    { timeout: 30_000 },
    async () => {
      const done: number[] = [];
      let allDone!: () => void;
      const finished = new Promise<void>((resolve) => (allDone = resolve));
      const workerId = await workWhileBusy<{ n: number }>(
        boss,
        "busy",
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: POLL_SECONDS },
        async (job) => {
          done.push(job.data.n);
          if (done.length === 3) allDone();
        },
      );
      // The loop found the queue empty and waits out its interval; three jobs arrive and it is woken
      // once, as a sender in the same process would wake it.
      await boss.insert([1, 2, 3].map((n) => ({ name: "busy", data: { n } })));
      boss.notifyWorker(workerId);
      await finished;
      expect(done.sort()).toEqual([1, 2, 3]);
    },
  );
});
