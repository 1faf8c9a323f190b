import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client";
import { databaseUrl } from "./env";
import { log } from "./telemetry/log";

export type Db = PrismaClient;

// One pool and one client per process; `next dev` reloads modules, so they live on globalThis.
// Prisma and the bulk writers (COPY needs a connection of its own) share the pool.
const holder = globalThis as unknown as { ladderDb?: PrismaClient; ladderPool?: pg.Pool };

function pool(): pg.Pool {
  if (!holder.ladderPool) {
    holder.ladderPool = new pg.Pool({
      connectionString: databaseUrl(),
      max: Number(process.env.LADDER_DB_POOL_SIZE ?? 10),
    });
    // An idle connection the server ends (a restart, a failover, an administrator) is dropped
    // from the pool and replaced on next use; without a listener the error would end the process.
    holder.ladderPool.on("error", (error) => log.warn({ err: error }, "database: idle connection lost"));
  }
  return holder.ladderPool;
}

// Prisma's defaults (2 s to get a connection, 5 s for the whole transaction) turn a busy database,
// a busy event loop or a pool whose connections are all in use into failed requests, where a plain
// query would just wait its turn (bench:load's 50 users got 500s from incidents.outcomes this way).
// Ladder's transactions are short; a longer limit only matters under load, where failing loses work.
const TRANSACTION_OPTIONS = { maxWait: 60_000, timeout: 60_000 };

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(pool()), transactionOptions: TRANSACTION_OPTIONS });
}

// A connection for work Prisma cannot express (COPY). A failed piece of work discards the
// connection rather than returning it in an unknown state.
export async function withConnection<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  try {
    const result = await work(client);
    client.release();
    return result;
  } catch (error) {
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    holder.ladderDb ??= createClient();
    const value = Reflect.get(holder.ladderDb, property) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(holder.ladderDb) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  await holder.ladderDb?.$disconnect();
  holder.ladderDb = undefined;
  const current = holder.ladderPool;
  holder.ladderPool = undefined;
  await current?.end();
}
