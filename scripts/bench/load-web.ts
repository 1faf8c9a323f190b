// The load test's web tier: `ladder start` processes serving pages only (no worker), on one
// database and one NEXTAUTH_SECRET, as instances behind a load balancer run; and users signed in
// through them over HTTP, the way the sign-in form does it (tRPC auth.signIn, same-origin POST).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";

export interface WebProcess {
  base: string;
  child: ChildProcess;
  log: string;
}

const SECRET = "bench-load-secret-bench-load-secret";

export async function startWeb(databaseUrl: string, port: number): Promise<WebProcess> {
  const base = `http://127.0.0.1:${port}`;
  mkdirSync(".bench", { recursive: true });
  const log = `.bench/load-web-${port}.log`;
  const out = openSync(log, "w");
  // Node flags for the web processes only (e.g. --cpu-prof --cpu-prof-dir=.bench/prof; Node 20
  // refuses --cpu-prof in NODE_OPTIONS).
  const nodeArgs = (process.env.BENCH_LOAD_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "bin/ladder.mjs", "start"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NEXTAUTH_URL: base,
      NEXTAUTH_SECRET: SECRET,
      LADDER_WORKER_CONCURRENCY: "0",
      LADDER_DATA_DIR: `.data/bench-load-${port}`,
      LADDER_DEMO: "0",
      LADDER_ALLOW_LOCAL_LOGIN: "1",
    },
    stdio: ["ignore", out, out],
  });
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the web process on ${port} exited (${child.exitCode}); see ${log}`);
    const ok = await fetch(`${base}/signin`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { base, child, log };
    if (Date.now() > deadline) throw new Error(`the web process on ${port} did not answer; see ${log}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function stopWeb(web: WebProcess): Promise<void> {
  if (web.child.exitCode !== null) return;
  const exited = new Promise((resolve) => web.child.once("exit", resolve));
  web.child.kill("SIGTERM");
  await exited;
}

/** Signs in with the local password form's call and returns the session cookie it set. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/trpc/auth.signIn?batch=1`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ 0: { json: { email, password } } }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!response.ok || !cookie)
    throw new Error(`sign-in of ${email} on ${base} failed (${response.status}): ${await response.text()}`);
  return cookie.split(";")[0]!;
}
