// npm run bench:uploads: real-size reports sent to a real Ladder server (`ladder start`, its own
// process, with its in-process worker) the way CI sends them. For each report: the time from
// the POST until the upload is stored, against COPY of the same rows into the same table in the
// same run; the server's peak memory above its idle level; and, while the largest report is
// read, the worst time the sign-in page took to answer.
import { spawn, type ChildProcess } from "node:child_process";
import { createReadStream, mkdtempSync, openAsBlob, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { v7 as timeOrderedId } from "uuid";
import { disconnectDb } from "~/server/db";
import { resetEnvCache } from "~/server/env";
import { sarifReport } from "~/server/test/sarif-report";
import { createFreshDatabase, startTestServer } from "~/server/test/test-database";
import { createApiToken } from "~/server/tokens/tokens.service";
import { createLocalUser } from "~/server/users/users.service";
import { COMPONENT_COLUMNS, FINDING_COLUMNS } from "~/server/uploads/report-writer";
import { createWorkspace } from "~/server/workspaces/workspaces.service";
import { report, type Figure } from "./report";

const PORT = Number(process.env.BENCH_PORT ?? 3190);
const BASE = `http://127.0.0.1:${PORT}`;
const SIZES = (process.env.BENCH_SARIF_RESULTS ?? "10000,100000,1000000").split(",").map(Number);
const COMPONENTS = Number(process.env.BENCH_SBOM_COMPONENTS ?? 100_000);
const MB = 1024 * 1024;

interface Case {
  name: string;
  file: string;
  table: "UploadFinding" | "SbomComponent";
  rows: number;
}

function cycloneDx(components: number): string {
  const items: string[] = [];
  for (let i = 0; i < components; i++) {
    items.push(
      JSON.stringify({
        type: "library",
        "bom-ref": `pkg:npm/pkg-${i}@1.${i % 10}.0`,
        name: `pkg-${i}`,
        version: `1.${i % 10}.0`,
        purl: `pkg:npm/pkg-${i}@1.${i % 10}.0`,
        licenses: [{ license: { id: i % 2 ? "MIT" : "Apache-2.0" } }],
      }),
    );
  }
  return `{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"metadata":{"tools":{"components":[{"name":"syft","version":"1.4.1"}]}},"components":[${items.join(",\n")}]}`;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function startServer(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn("node", ["bin/ladder.mjs", "start"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(PORT),
      NEXTAUTH_URL: BASE,
      NEXTAUTH_SECRET: "bench-secret-bench-secret-bench",
      LADDER_DATA_DIR: ".data/bench-uploads",
      LADDER_DEMO: "0",
      LADDER_ALLOW_LOCAL_LOGIN: "1",
      // A million small results is about 190 MB of SARIF: over the default limit of 100 MB.
      LADDER_UPLOAD_MAX_MB: "400",
      LADDER_TOKEN_UPLOADS_PER_HOUR: "1000",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    const ok = await fetch(`${BASE}/signin`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    if (Date.now() > deadline) throw new Error("the server did not start");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
}

async function upload(token: string, file: string): Promise<{ id: string; status: number }> {
  const form = new FormData();
  form.set("file", await openAsBlob(file), path.basename(file));
  const response = await fetch(`${BASE}/api/v1/uploads`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = (await response.json()) as { id?: string; error?: { message: string } };
  if (!response.ok || !body.id) throw new Error(`upload failed (${response.status}): ${body.error?.message}`);
  return { id: body.id, status: response.status };
}

async function waitStored(token: string, id: string): Promise<void> {
  for (;;) {
    const response = await fetch(`${BASE}/api/v1/uploads/${id}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { status: string; error?: string };
    if (body.status === "stored") return;
    if (body.status === "failed") throw new Error(`upload ${id} failed: ${body.error}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The baseline: the rows the upload stored, written again by COPY into the same table under a
// new upload, from a file (read into Postgres as fast as it can take them).
async function copyBaseline(client: pg.Client, table: Case["table"], uploadId: string, dir: string): Promise<number> {
  // The columns the upload wrote, less the two the baseline gives anew.
  const columns = (table === "UploadFinding" ? FINDING_COLUMNS : COMPONENT_COLUMNS).filter((c) => c !== "id" && c !== "uploadId");
  const list = columns.map((c) => `"${c}"`).join(", ");
  const copyId = timeOrderedId();
  await client.query(
    `INSERT INTO "Upload" (id, "workspaceId", kind, format, tool, "sizeBytes", summary)
     SELECT $1, "workspaceId", kind, format, tool, "sizeBytes", summary FROM "Upload" WHERE id = $2`,
    [copyId, uploadId],
  );
  const file = path.join(dir, `${table}.copy`);
  const out = client.query(
    // The same ids under another prefix: the upload's ids are a UUID and a counter, so the
    // baseline's index grows at its edge just as the upload's did.
    copyTo(
      `COPY (SELECT '${copyId}' || substr(id, 37), '${copyId}', ${list} FROM "${table}" WHERE "uploadId" = '${uploadId}' ORDER BY id) TO STDOUT`,
    ),
  );
  const { createWriteStream } = await import("node:fs");
  await pipeline(out, createWriteStream(file));
  await client.query("CHECKPOINT");
  const started = performance.now();
  await pipeline(createReadStream(file), client.query(copyFrom(`COPY "${table}" (id, "uploadId", ${list}) FROM STDIN`)));
  const seconds = (performance.now() - started) / 1000;
  rmSync(file);
  return seconds;
}

async function main() {
  const server = await startTestServer();
  const database = await createFreshDatabase(server.adminUrl, "ladder_bench_uploads");
  process.env.DATABASE_URL = database.url;
  resetEnvCache();
  const dir = mkdtempSync(path.join(tmpdir(), "ladder-bench-uploads-"));
  let child: ChildProcess | undefined;
  const figures: Figure[] = [];
  try {
    const user = await createLocalUser({ email: "bench-uploads@example.test", name: "Bench", password: "benchmark-password" });
    const workspace = await createWorkspace({ userId: user.id, name: "Bench", slug: "bench-uploads" });
    const { token } = await createApiToken({
      workspaceId: workspace.id,
      actor: { userId: user.id },
      actorRole: "owner",
      name: "bench",
      role: "editor",
      expiresInDays: null,
    });
    await disconnectDb();

    const cases: Case[] = SIZES.map((n) => {
      const file = path.join(dir, `checkov-${n}.sarif`);
      writeFileSync(file, sarifReport(n));
      return { name: `SARIF ${n.toLocaleString("en")} results`, file, table: "UploadFinding" as const, rows: n };
    });
    if (COMPONENTS > 0) {
      const file = path.join(dir, `sbom-${COMPONENTS}.cdx.json`);
      writeFileSync(file, cycloneDx(COMPONENTS));
      cases.push({
        name: `CycloneDX ${COMPONENTS.toLocaleString("en")} components`,
        file,
        table: "SbomComponent",
        rows: COMPONENTS,
      });
    }
    writeFileSync(path.join(dir, "warm.sarif"), sarifReport(100));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      for (const c of cases) {
        // Each report goes to a freshly started server, measured from its own idle level: V8
        // keeps the heap one report grew for the next, which would be charged to it.
        child = await startServer(database.url);
        const pid = child.pid!;
        for (let i = 0; i < 5; i++) await fetch(`${BASE}/signin`).then((r) => r.text());
        await upload(token, path.join(dir, "warm.sarif"));
        await new Promise((resolve) => setTimeout(resolve, 2000));
        const idle = rssMb(pid);
        const sizeMb = readFileSync(c.file).length / MB;
        let peak = rssMb(pid);
        const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
        let worstSignIn = 0;
        let probing = c.table === "UploadFinding" && c.rows === Math.max(...SIZES);
        const probe = (async () => {
          while (probing) {
            const started = performance.now();
            await fetch(`${BASE}/signin`).then((r) => r.text());
            worstSignIn = Math.max(worstSignIn, performance.now() - started);
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
        })();
        const started = performance.now();
        const sent = await upload(token, c.file);
        if (sent.status === 202) await waitStored(token, sent.id);
        const seconds = (performance.now() - started) / 1000;
        probing = false;
        await probe;
        clearInterval(sampler);
        await stopServer(child);
        child = undefined;
        const copySeconds = await copyBaseline(client, c.table, sent.id, dir);
        console.log(
          `${c.name} (${sizeMb.toFixed(1)} MB, ${sent.status}): ${seconds.toFixed(2)} s, COPY ${copySeconds.toFixed(2)} s, idle ${idle.toFixed(0)} MB, peak ${(peak - idle).toFixed(0)} MB above idle`,
        );
        figures.push(
          { name: `${c.name}: upload time`, value: seconds, unit: "s", goal: null },
          { name: `${c.name}: COPY of the same rows`, value: copySeconds, unit: "s", goal: null },
          { name: `${c.name}: upload ÷ COPY`, value: seconds / copySeconds, unit: "×", goal: "<= 3" },
          { name: `${c.name}: server peak memory above idle`, value: peak - idle, unit: "MB", goal: "< 256" },
        );
        if (worstSignIn > 0) {
          figures.push({
            name: `${c.name}: worst sign-in page response while it was read`,
            value: worstSignIn / 1000,
            unit: "s",
            goal: "< 1",
          });
        }
      }
    } finally {
      await client.end();
    }
  } finally {
    if (child) await stopServer(child);
    rmSync(dir, { recursive: true, force: true });
    await disconnectDb();
    await database.drop();
    await server.stop();
  }
  report("uploads", figures);
}

await main();
