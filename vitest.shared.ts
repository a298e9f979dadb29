// One vitest configuration for every workspace: each package's vitest.config.ts calls this, so the
// timeouts and the JSON report that `npm test` sums are set in one place.
import { defineConfig } from "vitest/config";

export interface PackageTestOptions {
  /** Per-test timeout; database suites that seed or crash processes need more than the default. */
  testTimeout?: number;
  hookTimeout?: number;
}

export function packageTestConfig(options: PackageTestOptions = {}) {
  return defineConfig({
    test: {
      testTimeout: options.testTimeout ?? 60_000,
      hookTimeout: options.hookTimeout ?? 120_000,
      reporters: ["default", "json"],
      outputFile: { json: ".test-report.json" },
    },
  });
}
