// `LADDER_TEST_NODE=22 npm test` (as CI runs it): the integration tests of the database,
// AWS, ingestion and upload code also run on that Node.js release, in the background while
// format, types and lint (one core each) run on the current one. The browser step then puts
// that release first on PATH, so its app is built and started on it too.
import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import { ensureNodeBinary } from "./node-binary";

const FOLDERS = ["server/db", "server/aws", "server/ingest", "server/uploads"];

export interface OtherNodeRun {
  // PATH with that release's `node` first.
  path: string;
  // Vitest's JSON report, once finished.
  report: string;
  finished: Promise<boolean>;
}

export function startOnOtherNode(major: number, results: string): OtherNodeRun {
  const bin = ensureNodeBinary(major);
  const searchPath = `${bin}${path.delimiter}${process.env.PATH ?? ""}`;
  const report = `${results}/vitest-node${major}.json`;
  const logFile = `${results}/vitest-node${major}.log`;
  const args = ["run", ...FOLDERS, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`];
  console.log(`\n▶ integration on Node ${major} (in the background; its output follows the checks): vitest ${args.join(" ")}`);
  const log = openSync(logFile, "w");
  const child = spawn("node_modules/.bin/vitest", args, {
    env: { ...process.env, PATH: searchPath },
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  const finished = new Promise<boolean>((resolve) => {
    child.once("error", (error) => {
      console.error(`✖ integration on Node ${major} could not start: ${error.message}`);
      resolve(false);
    });
    child.once("close", (code, signal) => {
      console.log(`\n▶ integration on Node ${major}: output`);
      process.stdout.write(readFileSync(logFile, "utf8"));
      if (code !== 0) console.error(`✖ integration on Node ${major} failed (exit ${code ?? signal}).`);
      resolve(code === 0);
    });
  });
  return { path: searchPath, report, finished };
}
