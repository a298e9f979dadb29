export { type Eligibility, eligibleContactIds, enrichmentEligibility } from "./eligibility";
export { ContactFilter, contactFilterSql } from "./filter";
export { checkGate, checkGates, type GateRef, type GateResult, type Refusal } from "./gate/check";
export { GroupWriter } from "./gate/group-write";
export { type WriteItem, type WriteOutcome, writeEnrichment, writeEnrichments } from "./gate/write";
export { defaultLimits, ProviderLimiter, type ProviderLimits } from "./jobs/limiter";
export { defaultRetry, lookupWithRetry, type RetryPolicy } from "./jobs/lookup-with-retry";
export { lookupPreChecks, type PreCheck } from "./jobs/pre-check";
export {
  ENRICHMENT_QUEUE,
  type EnrichmentDeps,
  EnrichmentJobData,
  type EnrichmentJobOutput,
  enrichmentHandler,
  type Outcome,
  outcomes,
  ProviderNotAllowedError,
} from "./jobs/run-job";
export {
  queueSwitchOffDeletion,
  StartEnrichment,
  SWITCH_OFF_QUEUE,
  SwitchOffJobData,
  startEnrichment,
  startEnrichmentWorker,
  startSwitchOffWorker,
} from "./jobs/start";
export { hashEmail, normaliseEmailForLookup } from "./providers/email-hash";
export {
  ProviderAuthError,
  ProviderError,
  type ProviderErrorCode,
  ProviderResponseError,
  providerErrorCodes,
  RateLimitedError,
  TransientProviderError,
  type TransientReason,
} from "./providers/errors";
export { FacebookLookupBody, facebookAdapter, facebookProvider } from "./providers/facebook";
export {
  createProvider,
  type Env,
  providersFromEnv,
  SANDBOX_DEFAULT_URL,
  sandboxDefaultToken,
} from "./providers/from-env";
export {
  DEFAULT_RETRY_AFTER_SECONDS,
  DEFAULT_TIMEOUT_MS,
  httpProvider,
  type NetworkAdapter,
  type NetworkRequest,
  parseRetryAfter,
} from "./providers/http-lookup";
export { LinkedinLookupBody, linkedinAdapter, linkedinProvider } from "./providers/linkedin";
export { MeetupLookupBody, meetupAdapter, meetupLookupQuery, meetupProvider } from "./providers/meetup";
export { TwitterLookupBody, twitterAdapter, twitterProvider } from "./providers/twitter";
export {
  EnrichedProfile,
  type LookupOptions,
  type LookupResult,
  Network,
  networks,
  type Provider,
  type ProviderConfig,
} from "./providers/types";
export { enrichmentRuntime, providerAllowed } from "./runtime";
export { deleteSwitchedOffEnrichment, enrichmentsOf, removeEnrichment } from "./stored";
