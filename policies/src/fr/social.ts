import {
  actionIs,
  and,
  channelIs,
  cmp,
  defineRule,
  eq,
  holdsCategory,
  messageIs,
  not,
  or,
  sourceIs,
  validConsent,
  validConsentForAction,
} from "@isoloir/policy";
import { cite, gdpr } from "../cite";
import { consentChannels, isContact, isOccasional } from "../common";
import { fines83_5 } from "../severity";

/**
 * FR-CNIL-SOCIAL-REGULAR — followers and friends of the campaign's own account are regular contacts
 * and may get political messages through that network.
 */
export const socialRegular = defineRule({
  id: "FR-CNIL-SOCIAL-REGULAR",
  title: "Followers and friends of our account may get political messages there",
  summary:
    "Followers, friends and page subscribers of the campaign's own account are regular contacts and may receive direct messages on that network.",
  actions: ["contact"],
  effect: "allow-with-obligations",
  allow: [
    {
      when: and(isContact, sourceIs("social_follow_or_friend"), channelIs("social_dm")),
      reason: "A follower or friend of the campaign's own account is a regular contact on that network.",
      obligations: ["identify_sender", "offer_opt_out", "link_full_notice"],
    },
  ],
  citations: [
    cite("S12", { date: "2016-11-08" }),
    cite("S13", { date: "2016-11-08" }),
    cite("S14", { date: "2012" }),
  ],
  basis: ["R", "S"],
  force: ["CNIL-RECO"],
  severity: fines83_5(),
});

const occasionalScope = and(isContact, isOccasional, channelIs(...consentChannels));

/**
 * FR-CNIL-SOCIAL-OCCASIONAL — likes, shares and comments make occasional contacts, who get no
 * political communication unless they consented for the channel; one consent request in all is the
 * exception. Known only through press summaries (basis S). Applies to electronic messages and calls;
 * post and visits work on opt-out for everyone (FR-CNIL-POSTAL-OPTOUT).
 */
export const socialOccasional = defineRule({
  id: "FR-CNIL-SOCIAL-OCCASIONAL",
  title: "Occasional contacts get no political messages, only one consent request",
  summary:
    "People who only liked, shared or commented (occasional contacts) get no political messages without consent for the channel; one consent request in all is allowed.",
  actions: ["contact"],
  effect: "deny",
  deny: [
    {
      when: and(occasionalScope, messageIs("political"), not(validConsentForAction())),
      reason:
        "An occasional contact may not receive political communication without consent for this channel.",
    },
    {
      when: and(occasionalScope, messageIs("consent_request"), cmp("contact.consentRequestsSent", ">=", 1)),
      reason: "An occasional contact may be asked for consent once in all, never a second time.",
    },
  ],
  allow: [
    {
      when: and(occasionalScope, messageIs("consent_request"), eq("contact.consentRequestsSent", 0)),
      reason: "A single consent request to an occasional contact.",
      obligations: ["consent_request_only"],
    },
    {
      when: and(occasionalScope, messageIs("political"), validConsentForAction()),
      reason: "The occasional contact consented to political messages on this channel.",
    },
  ],
  citations: [cite("S12", { date: "2016-11-08" }), cite("S15", { date: "2017-04-03" }), cite("S16")],
  basis: ["S"],
  force: ["CNIL-RECO"],
  severity: fines83_5("226-18"),
});

const noEnrichmentConsent = not(validConsent("social_enrichment"));

/**
 * FR-CNIL-SOCIAL-ENRICHMENT — the NationBuilder "Match" pattern needs specific consent: enrichment
 * jobs, harvesting everyone who liked a post, and keeping Match-era social profiles all stop without a
 * valid social_enrichment consent. The platform default for FR is the switch off (ORG-ENRICHMENT-SWITCH).
 */
export const socialEnrichment = defineRule({
  id: "FR-CNIL-SOCIAL-ENRICHMENT",
  title: "Social-profile enrichment needs specific consent; Match-era data must go",
  summary:
    "Matching people to social profiles, importing likers, and keeping looked-up social profiles all need a specific social_enrichment consent.",
  actions: ["enrich", "import", "retain", "record"],
  effect: "deny",
  deny: [
    {
      when: and(actionIs("enrich"), noEnrichmentConsent),
      reason: "Social-profile enrichment needs the person's specific social_enrichment consent.",
    },
    {
      when: and(
        actionIs("import", "retain", "record"),
        or(sourceIs("social_enrichment_lookup"), holdsCategory("social_profile")),
        noEnrichmentConsent,
      ),
      reason: "Social-profile data looked up without a social_enrichment consent may not be stored or kept.",
    },
    {
      when: and(actionIs("import"), sourceIs("social_interaction"), noEnrichmentConsent),
      reason:
        "Importing everyone who interacted with a post is an enrichment job and needs social_enrichment consent.",
    },
  ],
  allow: [
    {
      when: and(actionIs("enrich"), validConsent("social_enrichment")),
      reason: "The person gave a specific social_enrichment consent.",
    },
    {
      when: and(
        actionIs("import", "retain", "record"),
        or(sourceIs("social_enrichment_lookup"), holdsCategory("social_profile")),
        validConsent("social_enrichment"),
      ),
      reason: "Social-profile data covered by a valid social_enrichment consent may be kept.",
    },
  ],
  citations: [
    cite("S15", { date: "2017-04-03" }),
    cite("S16"),
    cite("S17", { date: "2017" }),
    gdpr("arts. 5, 6 and 14"),
  ],
  basis: ["S", "R"],
  force: ["CNIL-RECO", "LAW"],
  severity: fines83_5("226-18"),
});
