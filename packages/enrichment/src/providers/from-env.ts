import { facebookProvider } from "./facebook";
import { DEFAULT_TIMEOUT_MS } from "./http-lookup";
import { linkedinProvider } from "./linkedin";
import { meetupProvider } from "./meetup";
import { twitterProvider } from "./twitter";
import { type Network, networks, type Provider, type ProviderConfig } from "./types";

export const SANDBOX_DEFAULT_URL = "http://127.0.0.1:3100";

/** The token the sandbox accepts for a network unless told otherwise (not a secret). */
export const sandboxDefaultToken = (network: Network): string => `sandbox-${network}-token`;

const factories: Record<Network, (config: ProviderConfig) => Provider> = {
  facebook: facebookProvider,
  linkedin: linkedinProvider,
  twitter: twitterProvider,
  meetup: meetupProvider,
};

/** The adapter for one network. */
export function createProvider(network: Network, config: ProviderConfig): Provider {
  return factories[network](config);
}

export type Env = Readonly<Record<string, string | undefined>>;

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new RangeError(`${name} must be a positive integer`);
  return parsed;
}

/**
 * All four adapters, configured from the environment:
 * - `ISOLOIR_SANDBOX_URL` (default http://127.0.0.1:3100), or per network `ISOLOIR_<NETWORK>_URL`
 *   to plug in a real provider;
 * - `ISOLOIR_<NETWORK>_TOKEN` (default the sandbox's token for that network);
 * - `ISOLOIR_PROVIDER_TIMEOUT_MS` (default 5000).
 */
export function providersFromEnv(env: Env = process.env, extra: Pick<ProviderConfig, "fetch"> = {}) {
  const sandboxUrl = env.ISOLOIR_SANDBOX_URL || SANDBOX_DEFAULT_URL;
  const timeoutMs = positiveInt(
    env.ISOLOIR_PROVIDER_TIMEOUT_MS,
    DEFAULT_TIMEOUT_MS,
    "ISOLOIR_PROVIDER_TIMEOUT_MS",
  );
  const entries = networks.map((network) => {
    const key = network.toUpperCase();
    const config: ProviderConfig = {
      baseUrl: env[`ISOLOIR_${key}_URL`] || sandboxUrl,
      token: env[`ISOLOIR_${key}_TOKEN`] || sandboxDefaultToken(network),
      timeoutMs,
      ...extra,
    };
    return [network, createProvider(network, config)] as const;
  });
  return Object.fromEntries(entries) as Record<Network, Provider>;
}
