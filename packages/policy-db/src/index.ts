export { type FactsAction, factsFor, type ProjectedFacts, projectFacts } from "./facts-for";
export { type Jurisdiction, jurisdictionOf, UnsupportedJurisdictionError } from "./jurisdiction";
export { loadOrgContactRows } from "./load";
export { type ContactRows, loadContactRows, loadContactsRows } from "./load-contacts";
export { localDay, nextElection, zoneOf } from "./projection";
export { type NodeTranslator, type Translators, validConsentSql } from "./sql/compile-node";
export {
  compileToSql,
  type ReasonCondition,
  type SqlDecision,
  type SqlDecisionInput,
} from "./sql/compile-to-sql";
export {
  countExclusions,
  type DecidedRow,
  decideRows,
  type ExclusionCounts,
  loadOrgFacts,
  OrganisationNotFoundError,
} from "./sql/queries";
export { normalisedCountrySql, type OrgFacts } from "./sql/scope";
