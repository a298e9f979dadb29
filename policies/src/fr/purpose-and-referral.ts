import {
  actionIs,
  afterDay,
  and,
  anyValidConsent,
  before,
  channelIs,
  dayOf,
  defineRule,
  endOf,
  eq,
  exists,
  lastRound,
  messageIs,
  not,
  or,
  plusDays,
  plusLitigationWindow,
  proclaimed,
  sourceIs,
  validConsent,
  validConsentForAction,
} from "@isoloir/policy";
import { cite, gdpr } from "../cite";
import {
  channelConsentScopes,
  consentChannels,
  electionClosed,
  isCampaignMessage,
  isContact,
  isPoliticalMessage,
  isRegular,
  messageChannels,
  nothingSentYet,
} from "../common";
import { fines83_5 } from "../severity";

const supportSources = sourceIs("candidacy_sponsorship", "petition", "primary_participation");
const unbundlingScope = and(
  isPoliticalMessage,
  supportSources,
  channelIs(...consentChannels),
  not(isRegular),
);

/**
 * FR-CNIL-PURPOSE-UNBUNDLING — support given (sponsorship, petition, primary vote) is not a newsletter
 * subscription: newsletter or prospection messages need a separate, unbundled consent (a bundled
 * consent is no consent under ORG-CONSENT-EVIDENCE). A stated regular contact (e.g. a petition that
 * directly backs the candidate, per FR-CNIL-CLASS-DEFINITIONS) is outside the rule.
 */
export const purposeUnbundling = defineRule({
  id: "FR-CNIL-PURPOSE-UNBUNDLING",
  title: "Support given for one purpose is not a newsletter subscription",
  summary:
    "Sponsorship, petition or primary data may not be reused for newsletters or prospection without a separate, unbundled consent.",
  actions: ["contact"],
  effect: "deny",
  deny: [
    {
      when: and(unbundlingScope, not(validConsentForAction())),
      reason:
        "Data given to support a candidacy, a petition or a primary may not feed political messages without a separate consent.",
    },
  ],
  allow: [
    {
      when: and(unbundlingScope, validConsentForAction()),
      reason: "The person gave a separate, unbundled consent for this channel.",
    },
  ],
  citations: [cite("S18", { date: "2020-11-09" }), gdpr("art. 7(4)")],
  basis: ["S"],
  force: ["LAW", "CNIL-RECO"],
  severity: fines83_5("226-21"),
});

const referral = sourceIs("referral_tell_a_friend");
const referralMessage = and(isCampaignMessage, referral, channelIs(...messageChannels));
const keptConsent = anyValidConsent([...channelConsentScopes, "reuse_other_elections"]);
const referralExpired = and(
  exists("contact.lastMessageAt"),
  afterDay(plusDays(dayOf("contact.lastMessageAt"), 60)),
  not(keptConsent),
);

/**
 * FR-CNIL-REFERRAL-SINGLE-MESSAGE — a person whose details a friend passed on gets one message, no
 * reminder, and is deleted two months after it (60 days from the local day of the message; the last
 * message is that single message) unless they consented meanwhile.
 */
export const referralSingleMessage = defineRule({
  id: "FR-CNIL-REFERRAL-SINGLE-MESSAGE",
  title: "A friend's referral gets one message, then is deleted within two months",
  summary:
    "A referred person may get one message stating it was passed on by someone close; no further message without consent; deletion 60 days after that message.",
  actions: ["contact", "retain"],
  effect: "allow-with-obligations",
  deny: [
    {
      when: and(referralMessage, not(nothingSentYet), not(validConsentForAction())),
      reason: "A referred person may receive only one message unless they consented.",
    },
    {
      when: and(actionIs("retain"), referral, referralExpired),
      reason: "Referral data must be deleted 60 days after the single message.",
    },
  ],
  allow: [
    {
      when: and(referralMessage, nothingSentYet),
      reason: "The single message allowed to a person referred by a friend.",
      obligations: ["identify_sender", "state_data_origin", "offer_opt_out"],
    },
    {
      when: and(referralMessage, not(nothingSentYet), validConsentForAction()),
      reason: "The referred person consented to further messages on this channel.",
    },
    {
      when: and(actionIs("retain"), referral, not(referralExpired)),
      reason: "Referral data is kept at most 60 days after its single message, or while the person consents.",
    },
  ],
  citations: [
    cite("S2", { article: "§I.1", date: "2012-01-26" }),
    cite("S4", { date: "2012-01-26" }),
    cite("S10", { date: "2006" }),
  ],
  basis: ["P"],
  force: ["CNIL-RECO"],
  severity: fines83_5("226-18"),
});

const primary = sourceIs("primary_participation");
const separateConsent = anyValidConsent(["reuse_other_elections", ...channelConsentScopes]);
/** The proclamation plus the litigation window, or the last round's when no proclamation is known. */
const primaryOver = or(
  afterDay(plusLitigationWindow(proclaimed)),
  and(not(exists("election.resultsProclaimedAt")), afterDay(plusLitigationWindow(lastRound))),
);
const primaryKept = or(isRegular, separateConsent);
const primaryRunning = and(eq("election.type", "primary"), before(endOf(lastRound)));

/**
 * FR-CNIL-PRIMARY-PARTICIPANT-FILE — the list of primary voters goes once results are proclaimed and
 * the appeal window has passed (without a proclamation date, the last round's day is the conservative
 * stand-in), and is not reused for later prospection without separate consent. Messages about the
 * primary itself, while it runs, are not a later reuse.
 */
export const primaryParticipantFile = defineRule({
  id: "FR-CNIL-PRIMARY-PARTICIPANT-FILE",
  title: "Primary voters' lists go after proclamation and appeals, and are not reused",
  summary:
    "Primary participation data is purged after proclamation plus the litigation window and not used for later prospection without separate consent.",
  actions: ["retain", "contact"],
  effect: "deny",
  deny: [
    {
      when: and(actionIs("retain"), primary, not(primaryKept), primaryOver),
      reason:
        "The primary is over (proclamation and appeal window passed): its participants' list must be purged.",
    },
    {
      when: and(isContact, messageIs("political"), primary, not(primaryKept), not(primaryRunning)),
      reason: "Primary participation data may not be reused for later prospection without separate consent.",
    },
  ],
  allow: [
    {
      when: and(actionIs("retain"), primary, or(primaryKept, not(primaryOver))),
      reason: "The primary's list is kept until proclamation and appeals are over, or with separate consent.",
    },
    {
      when: and(isContact, messageIs("political"), primary, or(primaryKept, primaryRunning)),
      reason: "A message about the running primary, or to a participant who consented separately.",
    },
  ],
  citations: [cite("S20", { date: "2016-11-08" }), cite("S5", { article: "fiche 3", date: "2012-01" })],
  basis: ["S"],
  force: ["CNIL-RECO"],
  severity: fines83_5("226-20"),
});

/**
 * FR-CNIL-REUSE-FOR-OTHER-ELECTIONS — once the election closes (last round plus litigation window),
 * only members, regular contacts and people who agreed to hear beyond this vote are kept.
 */
export const reuseForOtherElections = defineRule({
  id: "FR-CNIL-REUSE-FOR-OTHER-ELECTIONS",
  title: "After the election, keep only regular contacts and those who agreed to later use",
  summary:
    "When the election closes, contacts who are not members or regular contacts and gave no reuse_other_elections consent must be purged.",
  actions: ["retain"],
  effect: "deny",
  deny: [
    {
      when: and(electionClosed, not(isRegular), not(validConsent("reuse_other_elections"))),
      reason:
        "The election is over and the person is neither a regular contact nor agreed to hear about later elections.",
    },
  ],
  allow: [
    {
      when: and(electionClosed, or(isRegular, validConsent("reuse_other_elections"))),
      reason:
        "Regular contacts and people who agreed to hear about later elections are kept after the election.",
    },
  ],
  citations: [
    cite("S23", { date: "2026-01-30" }),
    cite("S24", { article: "reflex 1", date: "2026-01-30" }),
    gdpr("arts. 13 and 14"),
  ],
  basis: ["R"],
  force: ["LAW", "CNIL-RECO"],
  severity: fines83_5("226-20"),
});
