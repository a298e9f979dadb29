import type { Db } from "@isoloir/db";
import { providerAllowListOf } from "@isoloir/jurisdictions";
import { z } from "zod";
import { defaultLimits, ProviderLimiter } from "./jobs/limiter";
import type { EnrichmentDeps } from "./jobs/run-job";
import { type Env, providersFromEnv } from "./providers/from-env";
import type { Network } from "./providers/types";

const Limits = z.object({
  ISOLOIR_ENRICH_RATE: z.coerce.number().positive().default(defaultLimits.ratePerSecond),
  ISOLOIR_ENRICH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(defaultLimits.concurrency),
  ISOLOIR_ENRICH_TTL_DAYS: z.coerce.number().positive().default(30),
});

/** Whether the organisation's allow-list holds the provider (a provider without a row is not allowed). */
export async function providerAllowed(db: Db, orgId: string, provider: Network): Promise<boolean> {
  return (await providerAllowListOf(db, orgId)).some((p) => p.provider === provider && p.allowed);
}

/**
 * What a process needs to run enrichment jobs: the providers (the sandbox unless configured
 * otherwise), one limiter per provider, the allow-list check and the TTL — read from the environment.
 */
export function enrichmentRuntime(db: Db, hmacKey: string, env: Env = process.env): EnrichmentDeps {
  const limits = Limits.parse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== "")),
  );
  return {
    db,
    hmacKey,
    providers: providersFromEnv(env),
    limiter: new ProviderLimiter(() => ({
      ratePerSecond: limits.ISOLOIR_ENRICH_RATE,
      concurrency: limits.ISOLOIR_ENRICH_CONCURRENCY,
    })),
    ttlMs: limits.ISOLOIR_ENRICH_TTL_DAYS * 86_400_000,
    providerAllowed,
  };
}
