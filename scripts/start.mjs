#!/usr/bin/env node
// `npm start`: build the two front ends if needed, then run `isoloir serve` (embedded PGlite unless
// DATABASE_URL is set): migrate, seed the demo once, serve web at / and admin at /admin on one port.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1" };

const build = spawnSync(
  "npx",
  ["turbo", "run", "build", "--filter=@isoloir/web", "--filter=@isoloir/admin", "--output-logs=errors-only"],
  { cwd: root, stdio: "inherit", env },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const serve = spawnSync("node", ["packages/cli/bin/isoloir.js", "serve", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env,
});
process.exit(serve.status ?? 0);
