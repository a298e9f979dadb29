import type * as V from "@isoloir/policy";
import {
  actionIs,
  afterDay,
  and,
  before,
  classIs,
  endOf,
  eq,
  exists,
  firstRound,
  from,
  jurisdictionIs,
  lastRound,
  messageIs,
  noneOf,
  not,
  or,
  plusLitigationWindow,
  plusMonths,
  purposeIs,
  sourceIs,
  startOf,
} from "@isoloir/policy";

// Shared vocabularies and predicates of the rule packs.

export const politicalPurposes: V.Purpose[] = [
  "member_management",
  "political_communication",
  "prospection",
  "propaganda",
  "fundraising",
];
export const isPoliticalPurpose = purposeIs(...politicalPurposes);

/** Collected from the person themself (GDPR art. 13); everything else is indirect (art. 14). */
export const directSources: V.Source[] = [
  "direct_form",
  "newsletter_signup",
  "event_signup",
  "door_to_door",
  "membership",
  "donation",
  "petition",
  "candidacy_sponsorship",
  "primary_participation",
];
export const isIndirectSource = noneOf("contact.source", directSources);

export const rentedSources: V.Source[] = ["rented_or_bought_commercial_file", "data_broker"];
/** "Data collected on social networks, blogs or chat" (NS 34's shorter retention). */
export const socialOrWebSources: V.Source[] = [
  "social_interaction",
  "social_follow_or_friend",
  "social_enrichment_lookup",
  "public_web_or_directory_scrape",
];
export const voterListSources: V.Source[] = [
  "electoral_list_L37",
  "emargement_list_L68",
  "consular_list_L330_4",
];

/** Channels that carry a message to one person (a visit and an ad audience are not messages). */
export const messageChannels: V.Channel[] = [
  "email",
  "sms",
  "automated_call",
  "live_call",
  "postal_addressed",
  "social_dm",
];
export const electronicChannels: V.Channel[] = ["email", "sms", "social_dm"];
/** Channels whose messages need a consent scope: electronic mail and calls. */
export const consentChannels: V.Channel[] = ["email", "sms", "social_dm", "automated_call", "live_call"];

export const opinionCategories: V.DataCategory[] = [
  "political_opinion_declared",
  "political_opinion_inferred",
];
export const specialCategoryData: V.DataCategory[] = [
  "political_opinion_declared",
  "political_opinion_inferred",
  "religion_proxy",
  "name_origin_proxy",
];
export const channelConsentScopes: V.ConsentScope[] = [
  "political_email",
  "political_sms",
  "political_automated_call",
  "political_live_call",
];

export const isContact = actionIs("contact");
/** A contact action carrying campaign messaging: a political message or a consent request. */
export const isCampaignMessage = and(isContact, messageIs("political", "consent_request"));
export const isPoliticalMessage = and(isContact, messageIs("political"));
export const isRegular = classIs("member", "regular_contact");
/** An occasional contact: stated so, or a social interaction with no stronger stated class. */
export const isOccasional = or(
  classIs("occasional_contact"),
  and(sourceIs("social_interaction"), not(classIs("member", "former_member", "regular_contact"))),
);
/** Nothing sent yet: neither a message nor a consent request. */
export const nothingSentYet = and(eq("contact.messagesSent", 0), eq("contact.consentRequestsSent", 0));
/** The first and only consent request. */
export const firstConsentRequest = and(messageIs("consent_request"), eq("contact.consentRequestsSent", 0));
export const hasElection = exists("election");

/** The election is over: its last round plus the litigation window has passed. */
export const electionClosed = and(hasElection, afterDay(plusLitigationWindow(lastRound)));
/**
 * A declared election at most six months away and not yet voted (catalogue §2.5 default for the
 * "electoral period"): from its first round − 6 months to the end of its last round's day.
 */
export const electionActive = and(
  hasElection,
  from(startOf(plusMonths(firstRound, -6))),
  before(endOf(lastRound)),
);

/** The French rules reach the decision: a French jurisdiction or a contact living in France. */
export const frenchReach = or(jurisdictionIs("FR"), eq("contact.country", "FR"));
