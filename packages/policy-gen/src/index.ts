export { type FactsOptions, factsArbitrary, generatePopulation } from "./arbitraries";
export type { GeneratedAction, GeneratedConsent, GeneratedFacts } from "./types";
export * as vocabulary from "./vocabulary";
