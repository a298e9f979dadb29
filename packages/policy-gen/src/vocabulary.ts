// The case format's vocabularies (docs/policy-cases.md), which the generator covers in full: the
// engine's own closed lists, so a value added there is generated here without an edit.
export {
  channels,
  consentScopes as scopes,
  contactClasses as classes,
  controllerTypes,
  dataCategories as categories,
  hostingRegions,
  jurisdictions,
  mechanisms,
  messageKinds,
  providers,
  sources,
  transferMechanisms,
} from "@isoloir/policy/vocabulary";

/** Countries a generated contact may live in: the packs' own and two more EU ones with no pack. */
export const countries = ["FR", "DE", "LU", "GB", "US", "BE", "ES"] as const;
export const electionTypes = [
  "presidential",
  "legislative",
  "municipal",
  "european",
  "regional",
  "primary",
  "referendum",
] as const;
