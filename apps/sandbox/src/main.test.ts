import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { offConfig, realisticConfig, sandboxOptionsFromEnv } from "./config";

describe("sandboxOptionsFromEnv", () => {
  it("reads port, seed, preset, switches and tokens from the environment", () => {
    const options = sandboxOptionsFromEnv({
      PORT: "4100",
      ISOLOIR_SANDBOX_SEED: "demo",
      ISOLOIR_SANDBOX_PROFILE: "realistic",
      ISOLOIR_SANDBOX_ERROR_RATE: "0",
      ISOLOIR_TWITTER_TOKEN: "tw",
    });
    expect(options).toMatchObject({ port: 4100, seed: "demo", tokens: { twitter: "tw" } });
    expect(options.config).toMatchObject({ preset: "realistic", errorRate: 0 });
  });

  it("defaults to port 3100 with everything off, and refuses nonsense", () => {
    expect(sandboxOptionsFromEnv({})).toMatchObject({ port: 3100, config: {} });
    expect(offConfig.errorRate + offConfig.rateLimitRate + offConfig.latencyMs).toBe(0);
    expect(realisticConfig.maxRequestsPerSecond).toBeGreaterThan(0);
    expect(() => sandboxOptionsFromEnv({ ISOLOIR_SANDBOX_LATENCY_MS: "slow" })).toThrow(RangeError);
    expect(() => sandboxOptionsFromEnv({ ISOLOIR_SANDBOX_PROFILE: "chaotic" })).toThrow();
  });
});

describe("the main entry", () => {
  it("starts on the given port, answers /healthz and stops on SIGTERM", async () => {
    const main = fileURLToPath(new URL("./main.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", main, "--port", "0", "--seed", "cli"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const [line] = (await once(child.stdout, "data")) as [Buffer];
      const url = /listening on (http:\/\/\S+)/.exec(line.toString())?.[1];
      expect(url).toBeDefined();
      expect(await (await fetch(`${url}/healthz`)).json()).toMatchObject({ status: "ok", seed: "cli" });
    } finally {
      child.kill("SIGTERM");
    }
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(0);
  });
});
