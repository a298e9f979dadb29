// The closed vocabularies the front ends show. The engine's lists are imported from
// @isoloir/policy/vocabulary (a module that imports nothing, so it is safe in the browser bundle);
// collector kinds and legal bases are the database's own and copied here. vocab-check.ts fails the type
// check when any of them drifts from @isoloir/db's. Labels stay in the UI (i18n/vocab-*.ts).
import {
  actorRoles,
  channels,
  consentScopes,
  controllerTypes,
  mechanisms,
  providers,
  sources,
} from "@isoloir/policy/vocabulary";

export { channels, consentScopes, providers };

export const roles = actorRoles;
export type Role = (typeof roles)[number];

export const sourceKinds = sources;
export type SourceKind = (typeof sourceKinds)[number];

export const collectorKinds = ["user", "form", "import", "provider", "seed"] as const;
export type CollectorKind = (typeof collectorKinds)[number];

export const legalBases = [
  "consent",
  "legitimate_interest",
  "membership_art9_2d",
  "legal_obligation",
  "public_task",
  "contract",
] as const;
export type LegalBasis = (typeof legalBases)[number];

export type ConsentScope = (typeof consentScopes)[number];

export const consentMechanisms = mechanisms;
export type ConsentMechanism = (typeof consentMechanisms)[number];

/** Mechanisms that never make a valid consent (CNIL: consent is a clear positive act). */
export const invalidMechanisms: readonly ConsentMechanism[] = ["pre_ticked", "none"];

export type Channel = (typeof channels)[number];

export const orgKinds = controllerTypes;
export type OrgKind = (typeof orgKinds)[number];

/** The social networks enrichment may call (each organisation allows them one by one). */
export type Provider = (typeof providers)[number];

/** The vocabularies that have labels, by the i18n key prefix under `vocab.`. */
export const vocabularies = {
  role: roles,
  source: sourceKinds,
  collector: collectorKinds,
  legalBasis: legalBases,
  scope: consentScopes,
  mechanism: consentMechanisms,
  channel: channels,
  orgKind: orgKinds,
  provider: providers,
} as const;
export type Vocabulary = keyof typeof vocabularies;
