// Finds Chromium for the e2e suite; installs Debian's package when running as root, else stops with
// the exact command to run. Browser downloads do not work here, so Playwright never fetches its own.
import { execSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(path)) return path;
  const command = "apt-get update && apt-get install -y chromium";
  if (process.getuid?.() !== 0) {
    console.error(
      `Chromium not found at ${path}. Install it with:\n  sudo sh -c '${command}'\nor set CHROMIUM_PATH.`,
    );
    process.exit(2);
  }
  console.error(`Chromium not found at ${path}: installing Debian's chromium (${command})`);
  execSync(command, { stdio: "inherit", shell: "/bin/sh" });
  if (!existsSync(path)) {
    console.error(`Chromium is still missing at ${path} after the install; set CHROMIUM_PATH.`);
    process.exit(2);
  }
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = ensureChromium();
  spawnSync(found, ["--version"], { stdio: "inherit" });
}
