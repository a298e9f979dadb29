// The closed vocabularies the front ends show, copied from @isoloir/db's vocab.ts (front ends import
// only types from the server side). vocab-check.ts fails the type check when the two drift apart.

export const roles = ["owner", "admin", "compliance", "staff", "volunteer"] as const;
export type Role = (typeof roles)[number];

export const sourceKinds = [
  "direct_form",
  "newsletter_signup",
  "event_signup",
  "door_to_door",
  "membership",
  "donation",
  "petition",
  "candidacy_sponsorship",
  "primary_participation",
  "referral_tell_a_friend",
  "electoral_list_L37",
  "emargement_list_L68",
  "consular_list_L330_4",
  "melderegister_BMG50",
  "uk_full_electoral_register",
  "social_follow_or_friend",
  "social_interaction",
  "social_enrichment_lookup",
  "public_web_or_directory_scrape",
  "rented_or_bought_commercial_file",
  "data_broker",
  "association_or_union_member_file",
  "employer_hr_or_payroll_file",
  "own_business_customer_file",
  "public_sector_file",
  "data_obtained_via_public_mandate",
  "unknown",
] as const;
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

export const consentScopes = [
  "political_email",
  "political_sms",
  "political_automated_call",
  "political_live_call",
  "share_with_named_third_party",
  "social_enrichment",
  "reuse_other_elections",
  "political_ad_targeting",
  "political_opinion_recording",
] as const;
export type ConsentScope = (typeof consentScopes)[number];

export const consentMechanisms = [
  "unticked_checkbox",
  "double_opt_in",
  "verbal_recorded",
  "parental_joint",
  "pre_ticked",
  "none",
] as const;
export type ConsentMechanism = (typeof consentMechanisms)[number];

/** Mechanisms that never make a valid consent (CNIL: consent is a clear positive act). */
export const invalidMechanisms: readonly ConsentMechanism[] = ["pre_ticked", "none"];

export const channels = [
  "email",
  "sms",
  "automated_call",
  "live_call",
  "postal_addressed",
  "door_to_door",
  "social_dm",
  "online_ad_targeting",
] as const;
export type Channel = (typeof channels)[number];

export const orgKinds = [
  "party",
  "candidate",
  "elected_official",
  "campaign_association",
  "association",
  "company",
  "eu_institution",
] as const;
export type OrgKind = (typeof orgKinds)[number];

/** The social networks enrichment may call (each organisation allows them one by one). */
export const providers = ["facebook", "linkedin", "twitter", "meetup"] as const;
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
