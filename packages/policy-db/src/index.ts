export { type FactsAction, factsFor, type ProjectedFacts } from "./facts-for";
export { type Jurisdiction, jurisdictionOf, UnsupportedJurisdictionError } from "./jurisdiction";
export { localDay, nextElection, zoneOf } from "./projection";
