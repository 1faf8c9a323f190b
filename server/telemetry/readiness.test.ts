import { afterAll, describe, expect, it } from "vitest";
import { GET as health } from "~/app/api/health/route";
import { GET as ready } from "~/app/api/ready/route";
import { dropDatabase, ensureDatabase } from "~/server/db/embedded";
import { migrateDatabase, readMigrations } from "~/server/db/migrate";
import { stopQueue } from "~/server/ingest/queue";
import { databaseUrlFor } from "~/server/test/test-database";
import { checkReadiness } from "./readiness";

const adminUrl = databaseUrlFor(process.env.DATABASE_URL!, "postgres");
const dropLater: string[] = [];
afterAll(async () => {
  await stopQueue();
  for (const name of dropLater) await dropDatabase(adminUrl, name);
});

describe("/api/health", () => {
  it("answers while the process lives, without looking at the database", async () => {
    const response = health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

describe("/api/ready", () => {
  it("is ready on a migrated database, installing the job queue it needs", async () => {
    const response = await ready();
    expect(await response.json()).toEqual({ status: "ready" });
    expect(response.status).toBe(200);
  });

  it("names the migrations a database is missing", async () => {
    const shipped = readMigrations();
    const name = `ready_behind_${process.pid}`;
    await ensureDatabase(adminUrl, name);
    dropLater.push(name);
    const url = databaseUrlFor(adminUrl, name);
    await migrateDatabase(url, shipped.slice(0, -1));
    const readiness = await checkReadiness({ databaseUrl: url, migrations: shipped });
    expect(readiness).toMatchObject({ ready: false, failed: "migrations" });
    expect(readiness.ready || readiness.detail).toContain(shipped.at(-1)!.name);
    // Migrated, it waits for the job queue, which only the app's own database may get installed.
    await migrateDatabase(url, shipped);
    expect(await checkReadiness({ databaseUrl: url, migrations: shipped })).toMatchObject({ ready: false, failed: "queue" });
  });

  it("names the database when it does not answer", async () => {
    const closed = new URL(adminUrl);
    closed.port = "1";
    expect(await checkReadiness({ databaseUrl: closed.toString() })).toMatchObject({ ready: false, failed: "database" });
  });
});
