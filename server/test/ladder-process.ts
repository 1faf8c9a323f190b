import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";

// Runs the `ladder` command as its own OS process, the way people run it, and collects what
// it prints. The environment is this process's, minus what the test setup points at the
// shared test database, plus `env`.
export async function runLadder(opts: {
  cwd?: string;
  args: string[];
  env?: Record<string, string | undefined>;
}): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries({ DATABASE_URL: undefined, ...opts.env })) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const cwd = opts.cwd ?? process.cwd();
  const child = spawn(process.execPath, [path.join(cwd, "bin", "ladder.mjs"), ...opts.args], {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (data: Buffer) => (output += data.toString()));
  child.stderr.on("data", (data: Buffer) => (output += data.toString()));
  const [code] = (await once(child, "close")) as [number | null];
  return { code, output };
}
