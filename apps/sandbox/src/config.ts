import { z } from "zod";
import { DEFAULT_PRESENCE, DEFAULT_SEED, type Network, networks, type PopulationOptions } from "./population";

const rate = z.number().min(0).max(1);
const ms = z.number().int().min(0).max(60_000);

/** What can change at run time (options, env, or POST /_sandbox/config). Every switch starts off. */
export const SandboxConfig = z.strictObject({
  /** Fixed delay before every lookup answer. */
  latencyMs: ms,
  /** Extra delay, uniform in [0, jitterMs]. */
  jitterMs: ms,
  /** Share of lookups answered 429 at random. */
  rateLimitRate: rate,
  /** Per network: more accepted lookups than this in the last second get a 429 (0 = no limit). */
  maxRequestsPerSecond: z.number().min(0),
  /** Retry-After sent with random 429s (limit 429s send the time until the window frees). */
  retryAfterSeconds: z.number().int().min(0).max(3_600),
  /** Share of lookups answered with a transient 500/502/503. */
  errorRate: rate,
});
export type SandboxConfig = z.infer<typeof SandboxConfig>;

export const offConfig: SandboxConfig = {
  latencyMs: 0,
  jitterMs: 0,
  rateLimitRate: 0,
  maxRequestsPerSecond: 0,
  retryAfterSeconds: 1,
  errorRate: 0,
};

/** A demo that feels like the real thing: some latency, the odd 429 and 5xx, 20 lookups/s per network. */
export const realisticConfig: SandboxConfig = {
  latencyMs: 60,
  jitterMs: 120,
  rateLimitRate: 0.01,
  maxRequestsPerSecond: 20,
  retryAfterSeconds: 1,
  errorRate: 0.02,
};

export const presets = { off: offConfig, realistic: realisticConfig } as const;
export const Preset = z.enum(["off", "realistic"]);
export type Preset = z.infer<typeof Preset>;

/** Body of POST /_sandbox/config: an optional preset, then the fields to override. */
export const ConfigPatch = SandboxConfig.partial().extend({ preset: Preset.optional() });
export type ConfigPatch = z.infer<typeof ConfigPatch>;

export function applyPatch(current: SandboxConfig, patch: ConfigPatch): SandboxConfig {
  const { preset, ...fields } = patch;
  const base = preset ? presets[preset] : current;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return SandboxConfig.parse({ ...base, ...defined });
}

export interface SandboxOptions extends PopulationOptions {
  /** 0 picks a free port (tests); default 3100. */
  port?: number;
  host?: string;
  config?: ConfigPatch;
  /** Bearer token each network accepts (default `sandbox-<network>-token`). */
  tokens?: Partial<Record<Network, string>>;
  /** Oldest log entries are dropped beyond this many (default 100,000). */
  logLimit?: number;
}

export const DEFAULT_PORT = 3100;
export const defaultToken = (network: Network) => `sandbox-${network}-token`;

export type Env = Readonly<Record<string, string | undefined>>;

function numberFrom(env: Env, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (Number.isNaN(value)) throw new RangeError(`${name} must be a number, got "${raw}"`);
  return value;
}

/**
 * Options from the environment: PORT, ISOLOIR_SANDBOX_HOST / _SEED / _PRESENCE / _PROFILE (off | realistic)
 * / _LATENCY_MS / _JITTER_MS / _RATE_LIMIT_RATE / _MAX_RPS / _RETRY_AFTER_SECONDS / _ERROR_RATE, and
 * ISOLOIR_<NETWORK>_TOKEN. `startSandbox` itself never reads the environment.
 */
export function sandboxOptionsFromEnv(env: Env): SandboxOptions {
  const p = "ISOLOIR_SANDBOX_";
  const config = ConfigPatch.parse({
    preset: env[`${p}PROFILE`] || undefined,
    latencyMs: numberFrom(env, `${p}LATENCY_MS`),
    jitterMs: numberFrom(env, `${p}JITTER_MS`),
    rateLimitRate: numberFrom(env, `${p}RATE_LIMIT_RATE`),
    maxRequestsPerSecond: numberFrom(env, `${p}MAX_RPS`),
    retryAfterSeconds: numberFrom(env, `${p}RETRY_AFTER_SECONDS`),
    errorRate: numberFrom(env, `${p}ERROR_RATE`),
  });
  const tokens = Object.fromEntries(
    networks.flatMap((n) => {
      const token = env[`ISOLOIR_${n.toUpperCase()}_TOKEN`];
      return token ? [[n, token]] : [];
    }),
  );
  return {
    port: numberFrom(env, "PORT") ?? DEFAULT_PORT,
    host: env[`${p}HOST`] || undefined,
    seed: env[`${p}SEED`] || DEFAULT_SEED,
    presence: numberFrom(env, `${p}PRESENCE`) ?? DEFAULT_PRESENCE,
    config,
    tokens,
  };
}
