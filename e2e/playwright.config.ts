import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

// The real product on a throw-away embedded data directory, always: DATABASE_URL is cleared for the
// server, because a shared PostgreSQL database keeps the demo of an earlier run (seeded once) and the
// journeys need the demo as this commit seeds it. The suites cover PostgreSQL below the browser.
// Workers re-read this file: the directory is made once, by the main process, and handed down in env.
function throwAwayDataDir(): string {
  const inherited = process.env.ISOLOIR_E2E_DATA_DIR;
  if (inherited) return inherited;
  // a parent folder, so the CLI's sibling files (<dir>.lock, <dir>.keys.json) go with it
  const parent = mkdtempSync(join(tmpdir(), "isoloir-e2e-"));
  const made = join(parent, "pglite");
  process.env.ISOLOIR_E2E_DATA_DIR = made;
  process.on("exit", () => rmSync(parent, { recursive: true, force: true }));
  return made;
}
const dataDir = throwAwayDataDir();

const port = Number(process.env.ISOLOIR_E2E_PORT ?? 4310);
const sandboxPort = port + 1;

export default defineConfig({
  testDir: ".",
  testMatch: ["web/**/*.spec.ts", "admin/**/*.spec.ts"],
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".e2e-report.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: [
    {
      // the social-network sandbox, in its own process as in production
      command: `node --import tsx ../apps/sandbox/src/main.ts --port ${sandboxPort}`,
      url: `http://127.0.0.1:${sandboxPort}/healthz`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `node ../packages/cli/bin/isoloir.js serve --port ${port} --seed-contacts 300 --data-dir ${dataDir}`,
      url: `http://127.0.0.1:${port}/healthz`,
      env: { ISOLOIR_SANDBOX_URL: `http://127.0.0.1:${sandboxPort}`, DATABASE_URL: "" },
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
