// The closed vocabularies of the case format (docs/policy-cases.md) and of the engine's
// internal facts. `as const` arrays feed both the zod schemas and the TypeScript unions.

export const jurisdictions = ["FR", "EU_INSTITUTION", "UK", "DE", "LU", "US"] as const;
export type Jurisdiction = (typeof jurisdictions)[number];

export const controllerTypes = [
  "party",
  "candidate",
  "elected_official",
  "campaign_association",
  "association",
  "company",
  "eu_institution",
] as const;
export type ControllerType = (typeof controllerTypes)[number];

export const sources = [
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
export type Source = (typeof sources)[number];

export const contactClasses = [
  "member",
  "former_member",
  "regular_contact",
  "occasional_contact",
  "prospect",
] as const;
export type ContactClass = (typeof contactClasses)[number];

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

export const mechanisms = [
  "unticked_checkbox",
  "double_opt_in",
  "verbal_recorded",
  "parental_joint",
  "pre_ticked",
  "none",
] as const;
export type Mechanism = (typeof mechanisms)[number];

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

export const messageKinds = ["political", "consent_request", "service"] as const;
export type MessageKind = (typeof messageKinds)[number];

export const providers = ["facebook", "linkedin", "twitter", "meetup"] as const;
export type Provider = (typeof providers)[number];

export const dataCategories = [
  "identity",
  "contact",
  "birth_date",
  "birth_place",
  "nationality",
  "political_opinion_declared",
  "political_opinion_inferred",
  "turnout_history",
  "name_origin_proxy",
  "religion_proxy",
  "social_profile",
] as const;
export type DataCategory = (typeof dataCategories)[number];

export const hostingRegions = ["EEA", "UK", "US", "other"] as const;
export type HostingRegion = (typeof hostingRegions)[number];

export const transferMechanisms = [
  "none_needed_EEA",
  "adequacy",
  "art49_derogation",
  "EU_US_DPF",
  "SCC_with_TIA",
  "BCR",
  "none",
] as const;
export type TransferMechanism = (typeof transferMechanisms)[number];

/** Action types of the case format, plus the engine-only `export`. */
export const caseActionTypes = ["contact", "enrich", "import", "retain", "record", "transfer"] as const;
export const actionTypes = [...caseActionTypes, "export"] as const;
export type ActionType = (typeof actionTypes)[number];

export const purposes = [
  "member_management",
  "political_communication",
  "prospection",
  "propaganda",
  "fundraising",
  "institutional_communication",
  "commercial",
  "professional",
] as const;
export type Purpose = (typeof purposes)[number];

export const actorRoles = ["owner", "admin", "compliance", "staff", "volunteer"] as const;
export type ActorRole = (typeof actorRoles)[number];

/** The closed obligation vocabulary; this order is the stable output order. */
export const obligations = [
  "identify_sender",
  "state_data_origin",
  "offer_opt_out",
  "opt_out_first",
  "link_full_notice",
  "print_full_notice",
  "consent_request_only",
  "hide_recipients",
  "keep_vendor_attestation",
  "no_disclosure_outside_body",
  "ad_transparency_label",
  "why_this_message",
] as const;
export type Obligation = (typeof obligations)[number];

export const decisions = ["allow", "deny", "escalate"] as const;
export type Decision = (typeof decisions)[number];

export const packs = ["FR", "EU", "UK", "DE", "LU", "US", "ORG"] as const;
export type Pack = (typeof packs)[number];

/** Packs by jurisdiction (docs/policy-cases.md, "Jurisdictions and packs"). */
export const packsOf: Record<Jurisdiction, readonly Pack[]> = {
  FR: ["FR", "EU", "ORG"],
  DE: ["DE", "EU", "ORG"],
  LU: ["LU", "EU", "ORG"],
  EU_INSTITUTION: ["EU", "ORG"],
  UK: ["UK", "ORG"],
  US: ["US", "ORG"],
};

/** The jurisdiction's own country (ISO 3166-1 alpha-2); none for EU institutions. */
export const countryOf: Record<Jurisdiction, string | undefined> = {
  FR: "FR",
  DE: "DE",
  LU: "LU",
  UK: "GB",
  US: "US",
  EU_INSTITUTION: undefined,
};

/** The pack holding a country's own channel rules. */
export const packOfCountry: Readonly<Record<string, Pack>> = {
  FR: "FR",
  DE: "DE",
  LU: "LU",
  GB: "UK",
  US: "US",
};

export const zoneOf: Record<Jurisdiction, string> = {
  FR: "Europe/Paris",
  DE: "Europe/Berlin",
  LU: "Europe/Luxembourg",
  UK: "Europe/London",
  EU_INSTITUTION: "Europe/Brussels",
  US: "America/New_York",
};

/** The consent scope a message on each channel needs (social DMs are electronic mail). */
export const scopeOfChannel: Record<Channel, ConsentScope | undefined> = {
  email: "political_email",
  sms: "political_sms",
  automated_call: "political_automated_call",
  live_call: "political_live_call",
  social_dm: "political_email",
  online_ad_targeting: "political_ad_targeting",
  postal_addressed: undefined,
  door_to_door: undefined,
};

/** Country codes read as another everywhere: "UK" is GB (ISO 3166-1 has no UK). */
export const countryAliases: Readonly<Record<string, string>> = { UK: "GB" };

/** A country code upper-cased, its alias resolved ("uk" → GB): the one normalisation of a stated country. */
export function normaliseCountry(code: string): string {
  const upper = /^[A-Z]{2}$/.test(code) ? code : code.toUpperCase();
  return countryAliases[upper] ?? upper;
}

/** The jurisdiction whose own country this is (GB or UK → UK); none for a country without a rule pack. */
export function jurisdictionOfCountry(code: string): Jurisdiction | undefined {
  const country = normaliseCountry(code);
  return jurisdictions.find((j) => countryOf[j] === country);
}
