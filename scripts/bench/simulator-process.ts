import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";

// The AWS simulator in a process of its own, so its CPU does not count against the benchmark's.

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startSimulatorProcess(size: number): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(process.env.SIM_NODE_ARGS?.split(" ") ?? []), "bin/ladder.mjs", "simulator"], {
    env: { ...process.env, LADDER_SIM_PORT: String(port), LADDER_SIM_SIZE: String(size) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
    child.once("exit", (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

export async function control(url: string, path: string, init?: RequestInit) {
  const response = await fetch(`${url}/_simulator/${path}`, init);
  if (!response.ok) throw new Error(`${path}: ${await response.text()}`);
  return response.json() as Promise<{ calls: Record<string, number>; served: Record<string, number> }>;
}
