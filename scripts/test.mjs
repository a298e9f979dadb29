#!/usr/bin/env node
// `npm test`: every suite — type checks, unit and database suites (PGlite always, PostgreSQL too when
// DATABASE_URL is set), then the e2e journeys in Debian's Chromium — and one closing summary line.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureChromium } from "./ensure-chromium.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const chromium = ensureChromium();
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", CHROMIUM_PATH: chromium };
if (env.DATABASE_URL) {
  env.ISOLOIR_HMAC_KEY ??= "test-only-hmac-key";
  env.ISOLOIR_SIGNING_KEY ??= ""; // suites that sign make their own throw-away keys
}

/** Every file called `name` under the workspaces (Node 20 has no fs.globSync). */
function reportsNamed(name) {
  const found = [];
  const walk = (dir, depth) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".git")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < 3) walk(path, depth + 1);
      else if (entry.name === name) found.push(path);
    }
  };
  walk(root, 0);
  return found;
}

const e2eReport = join(root, "e2e", ".e2e-report.json");
for (const file of [...reportsNamed(".test-report.json"), e2eReport]) rmSync(file, { force: true });

const run = (args) =>
  spawnSync("npx", ["turbo", "run", ...args], { cwd: root, stdio: "inherit", env }).status ?? 1;
const unit = run(["typecheck", "test", "--continue", "--concurrency=2", "--output-logs=new-only"]);
const e2e = unit === 0 ? run(["e2e", "--output-logs=new-only"]) : 1;

const totals = { passed: 0, failed: 0, skipped: 0 };
for (const file of reportsNamed(".test-report.json")) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
if (existsSync(e2eReport)) {
  const stats = JSON.parse(readFileSync(e2eReport, "utf8")).stats ?? {};
  totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  totals.failed += stats.unexpected ?? 0;
  totals.skipped += stats.skipped ?? 0;
}
if (unit !== 0 || e2e !== 0) totals.failed = Math.max(totals.failed, 1);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(unit !== 0 ? unit : e2e);
