import { z } from "zod";

/** The social networks Isoloir can look people up on. */
export const networks = ["facebook", "linkedin", "twitter", "meetup"] as const;
export const Network = z.enum(networks);
export type Network = z.infer<typeof Network>;

/**
 * The common profile every adapter maps its network's answer to. Fields a network does not have
 * (Meetup has no followers) or a member left empty are `null`, never invented.
 */
export const EnrichedProfile = z.object({
  network: Network,
  handle: z.string().min(1),
  profileUrl: z.url(),
  photoUrl: z.url().nullable(),
  location: z.string().min(1).nullable(),
  bio: z.string().min(1).nullable(),
  followers: z.number().int().nonnegative().nullable(),
});
export type EnrichedProfile = z.infer<typeof EnrichedProfile>;

export type LookupResult = { status: "found"; profile: EnrichedProfile } | { status: "not_found" };

export interface LookupOptions {
  /** Cancels the call (e.g. a gate check failed or the job stopped); the adapter's own timeout still applies. */
  signal?: AbortSignal;
}

/**
 * One network's lookup. Resolves with found / not found; every failure is a typed `ProviderError`
 * (see errors.ts), except a cancellation by the caller's signal, which rejects with the signal's reason.
 */
export interface Provider {
  readonly network: Network;
  lookupByEmail(email: string, options?: LookupOptions): Promise<LookupResult>;
}

/** How an adapter reaches its network: a base URL and a bearer token, nothing else. */
export interface ProviderConfig {
  baseUrl: string;
  token: string;
  /** Upper bound for the whole call, headers and body (default 5000 ms). */
  timeoutMs?: number;
  /** For tests and instrumentation; defaults to the global fetch. */
  fetch?: typeof fetch;
}
