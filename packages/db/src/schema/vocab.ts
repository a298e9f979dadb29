// Closed vocabularies shared by the schema (pgEnum) and validation (z.enum). Where a list is also the
// case format's (docs/policy-cases.md), it is the policy engine's own list, so the database
// and the rules can never drift apart (they once did: a transfer mechanism was missing here).
import {
  channels,
  consentScopes,
  controllerTypes,
  dataCategories,
  hostingRegions,
  mechanisms,
  providers,
  sources,
  transferMechanisms,
} from "@isoloir/policy/vocabulary";

export const orgKinds = controllerTypes;
export const sourceKinds = sources;
export const consentMechanisms = mechanisms;
export { channels, consentScopes, dataCategories, hostingRegions, providers, transferMechanisms };

export type OrgKind = (typeof orgKinds)[number];

export const roles = ["owner", "admin", "compliance", "staff", "volunteer"] as const;
export type Role = (typeof roles)[number];

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

export type ConsentMechanism = (typeof consentMechanisms)[number];

export type Channel = (typeof channels)[number];

export type DataCategory = (typeof dataCategories)[number];

export const suppressionReasons = ["objection", "erasure"] as const;
export type SuppressionReason = (typeof suppressionReasons)[number];

/** `identity`: birth name + first names + birth date (contacts' `identityKey`). */
export const identifierKinds = ["email", "phone", "identity"] as const;
export type IdentifierKind = (typeof identifierKinds)[number];

export type Provider = (typeof providers)[number];
