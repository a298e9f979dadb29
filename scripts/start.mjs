#!/usr/bin/env node
// `npm start`: build the two front ends if needed, start the social-network sandbox (its own process,
// port 3100, unless ISOLOIR_SANDBOX_URL points elsewhere), then run `isoloir serve` (embedded PGlite
// unless DATABASE_URL is set): migrate, seed the demo once, serve web at / and admin at /admin.
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1" };

const build = spawnSync(
  "npx",
  ["turbo", "run", "build", "--filter=@isoloir/web", "--filter=@isoloir/admin", "--output-logs=errors-only"],
  { cwd: root, stdio: "inherit", env },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const sandboxPort = env.ISOLOIR_SANDBOX_PORT ?? "3100";

/** Starts the sandbox and resolves with its URL once it listens (or null, with a warning). */
function startSandbox() {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "apps/sandbox/src/main.ts", "--port", sandboxPort],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
      env,
    },
  );
  return new Promise((resolve) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const found = /listening on (http:\/\/\S+)/.exec(out);
      if (found) resolve({ child, url: found[1] });
    });
    child.once("exit", () => resolve({ child: null, url: null }));
  });
}

const given = env.ISOLOIR_SANDBOX_URL;
const sandbox = given ? { child: null, url: given } : await startSandbox();
if (given) {
  console.log(`using the sandbox at ${given} (not started: ISOLOIR_SANDBOX_URL is set)`);
} else if (sandbox.url) {
  env.ISOLOIR_SANDBOX_URL = sandbox.url;
  console.log(`started the social-network sandbox on ${sandbox.url}`);
} else {
  console.warn(
    `the sandbox did not start (is port ${sandboxPort} taken? set ISOLOIR_SANDBOX_PORT): enrichment lookups will fail`,
  );
}

const serve = spawn("node", ["packages/cli/bin/isoloir.js", "serve", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env,
});
const stop = (signal) => {
  serve.kill(signal);
  sandbox.child?.kill(signal);
};
process.once("SIGINT", () => stop("SIGINT"));
process.once("SIGTERM", () => stop("SIGTERM"));
serve.once("exit", (code) => {
  sandbox.child?.kill("SIGTERM");
  process.exit(code ?? 0);
});
