import type { TestProject } from "vitest/node";
import { createFreshDatabase, startTestServer } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const database = await createFreshDatabase(server.adminUrl, "ladder_test");
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.drop();
    await server.stop();
  };
}
