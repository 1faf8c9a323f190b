import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { databaseUrl } from "./env";

export type Db = PrismaClient;

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl() }) });
}

// One client per process; `next dev` reloads modules, so the instance lives on globalThis.
const holder = globalThis as unknown as { ladderDb?: PrismaClient };

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
}
