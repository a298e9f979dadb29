#!/usr/bin/env node
// `npm run bench -- <name> [args…]`: runs bench/src/<name>.ts with tsx, outside turbo (a benchmark
// must not be cached); the remaining arguments go to the benchmark. Without a name, lists them.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const src = join(root, "bench", "src");
const available = readdirSync(src)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith(".d.ts"))
  .map((f) => f.slice(0, -3))
  .sort();

const [name, ...args] = process.argv.slice(2);
if (!name || name === "--help" || name === "-h") {
  console.log(
    `usage: npm run bench -- <name> [--json]\n\nbenchmarks:\n${available.map((b) => `  ${b}`).join("\n")}`,
  );
  process.exit(0);
}
if (!available.includes(name) || !existsSync(join(src, `${name}.ts`))) {
  console.error(`unknown benchmark "${name}"; available: ${available.join(", ")}`);
  process.exit(2);
}
const tsx = join(root, "node_modules", ".bin", "tsx");
const result = spawnSync(tsx, [join(src, `${name}.ts`), ...args], {
  cwd: join(root, "bench"),
  stdio: "inherit",
});
process.exit(result.status ?? 1);
