import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";

// `ladder` commands as real OS processes, for the tests of what happens between processes.

export interface LadderProcess {
  child: ChildProcess;
  output(): string;
  // Resolves once the output matches, rejects if the process exits first.
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  // The exit, or an error with the output if there is none in that time (a hung test says why).
  exit(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function runLadder(args: string[], env: NodeJS.ProcessEnv): LadderProcess {
  const child = spawn(process.execPath, ["bin/ladder.mjs", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  const listeners = new Set<() => void>();
  const append = (data: Buffer) => {
    text += data.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  const exited = once(child, "exit").then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;

  return {
    child,
    output: () => text,
    exited,
    exit: (timeoutMs = 90_000) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`ladder ${args[0]} did not exit:\n${text}`)), timeoutMs);
      });
      return Promise.race([exited, late]).finally(() => clearTimeout(timer));
    },
    waitFor: (pattern, timeoutMs = 90_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = text.match(pattern);
          if (match) done(() => resolve(match));
          else if (hasExited()) done(() => reject(new Error(`ladder ${args[0]} exited before ${pattern}:\n${text}`)));
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`no ${pattern} from ladder ${args[0]}:\n${text}`))),
          timeoutMs,
        );
        const done = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          void exited.then(() => listeners.delete(check));
          settle();
        };
        listeners.add(check);
        void exited.then(check);
        check();
      }),
    stop: async (signal = "SIGTERM") => {
      if (!hasExited()) child.kill(signal);
      return exited;
    },
  };
}

// The environment of a child process: this one's with the overrides (undefined removes a
// variable), less Vitest's NODE_ENV.
export function childEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: undefined, ...overrides };
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)) as NodeJS.ProcessEnv;
}

export async function waitUntil<T>(read: () => Promise<T>, isDone: (value: T) => boolean, what: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// The process a supervised `ladder start` or `ladder worker` runs its work in.
export function supervisedChildPid(supervisor: LadderProcess): number {
  const pid = Number(
    execFileSync("pgrep", ["-P", String(supervisor.child.pid)])
      .toString()
      .trim()
      .split("\n")[0],
  );
  if (!Number.isInteger(pid) || pid <= 0) throw new Error("the supervised process was not found");
  return pid;
}
