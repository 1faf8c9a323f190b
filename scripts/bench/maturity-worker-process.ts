// Run by `npm run bench:maturity` in a process of its own: the evaluation as a freshly started
// `ladder worker` would run it, with the modules a worker loads and nothing done before. The
// benchmark's own process has connected, synced and copied the organisation by then, which a
// worker's memory would not show. Prints one line of JSON.
import "~/server/cli/main";
import { db, disconnectDb } from "~/server/db";
import { evaluateAndStore } from "~/server/maturity/evaluation.service";
import { withExactPeakMemory } from "./peak-memory";

const workspaceId = process.argv[2]!;

async function main() {
  // A first evaluation writes every result.
  await db.maturityResult.deleteMany({ where: { workspaceId } });
  const beforeMb = process.memoryUsage().rss / 1024 / 1024;
  const { result, peakMb } = await withExactPeakMemory(async () => {
    const ms: number[] = [];
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      await evaluateAndStore(workspaceId, { trigger: "manual" });
      ms.push(performance.now() - started);
    }
    return ms;
  });
  console.log(JSON.stringify({ beforeMb, peakMb, firstMs: result[0], repeatMs: result[1] }));
  await disconnectDb();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
