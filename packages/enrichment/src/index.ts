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
