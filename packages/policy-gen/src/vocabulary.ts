// The case format's vocabularies (docs/policy-cases.md), which the generator covers in full.

export const jurisdictions = ["FR", "EU_INSTITUTION", "UK", "DE", "LU", "US"] as const;
export const controllerTypes = [
  "party",
  "candidate",
  "elected_official",
  "campaign_association",
  "eu_institution",
  "association",
  "company",
] as const;
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
export const classes = [
  "member",
  "former_member",
  "regular_contact",
  "occasional_contact",
  "prospect",
] as const;
export const scopes = [
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
export const mechanisms = [
  "unticked_checkbox",
  "double_opt_in",
  "verbal_recorded",
  "parental_joint",
  "pre_ticked",
  "none",
] as const;
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
export const messageKinds = ["political", "consent_request", "service"] as const;
export const providers = ["facebook", "linkedin", "twitter", "meetup"] as const;
export const categories = [
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
export const countries = ["FR", "DE", "LU", "GB", "US", "BE", "ES"] as const;
export const hostingRegions = ["EEA", "UK", "US", "other"] as const;
export const transferMechanisms = [
  "none_needed_EEA",
  "adequacy",
  "EU_US_DPF",
  "SCC_with_TIA",
  "BCR",
  "none",
] as const;
export const electionTypes = [
  "presidential",
  "legislative",
  "municipal",
  "european",
  "regional",
  "primary",
  "referendum",
] as const;
