import { defineConfig } from "prisma/config";

// The URL is only read by Prisma's own CLI (`prisma migrate deploy` for users with internet
// access); the app builds its connection string in server/env.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:54329/ladder" },
});
