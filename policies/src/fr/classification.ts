import { defineRule } from "@isoloir/policy";
import { cite } from "../cite";
import { fines83_5 } from "../severity";

/**
 * FR-CNIL-CLASS-DEFINITIONS — classification only: it derives `contact.class` from the source when a
 * record states none, for every jurisdiction. Default (catalogue §2.4): anything short of an explicit
 * subscribe, follow or friend, membership or donation is an occasional contact; a valid consent on a
 * channel lets the person be contacted there as a regular contact, but never changes the stored class.
 */
export const classDefinitions = defineRule({
  id: "FR-CNIL-CLASS-DEFINITIONS",
  title: "Contact classes: member, regular contact, occasional contact, prospect",
  summary:
    "Derives the contact class from the source: an explicit subscribe, follow, membership or donation makes a regular contact; other touches are occasional; the rest are prospects.",
  actions: ["contact", "enrich", "import", "retain", "record", "transfer", "export"],
  effect: "classification",
  classification: {
    member: ["membership"],
    regular_contact: ["newsletter_signup", "direct_form", "donation", "social_follow_or_friend"],
    occasional_contact: [
      "event_signup",
      "petition",
      "candidacy_sponsorship",
      "primary_participation",
      "door_to_door",
      "social_interaction",
    ],
    prospect: [
      "referral_tell_a_friend",
      "electoral_list_L37",
      "emargement_list_L68",
      "consular_list_L330_4",
      "melderegister_BMG50",
      "uk_full_electoral_register",
      "rented_or_bought_commercial_file",
      "data_broker",
      "social_enrichment_lookup",
      "public_web_or_directory_scrape",
      "association_or_union_member_file",
      "employer_hr_or_payroll_file",
      "own_business_customer_file",
      "public_sector_file",
      "data_obtained_via_public_mandate",
      "unknown",
    ],
  },
  citations: [
    cite("S3", { article: "art. 1 (definitions)", date: "2012-01-26" }),
    cite("S4", { date: "2012-01-26" }),
    cite("S1", { date: "2012-01-26" }),
    cite("S2", { date: "2012-01-26" }),
    cite("S5", { article: "fiches 1, 2 and 4", date: "2012-01" }),
    cite("S33", { date: "2025" }),
  ],
  basis: ["P", "R"],
  force: ["CNIL-RECO"],
  severity: fines83_5(),
});
