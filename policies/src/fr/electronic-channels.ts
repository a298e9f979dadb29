import { and, channelIs, defineRule, eq, not, or, sourceIs, validConsentForAction } from "@isoloir/policy";
import { cite } from "../cite";
import {
  firstConsentRequest,
  isCampaignMessage,
  isOccasional,
  isRegular,
  nothingSentYet,
  rentedSources,
} from "../common";
import { fines83_5 } from "../severity";

const permitted = or(isRegular, validConsentForAction());
/**
 * The exceptions written into the opt-in rules' condition (not allows that outvote a deny): the single
 * message to a referral (FR-CNIL-REFERRAL-SINGLE-MESSAGE) and the single consent request that
 * FR-CNIL-SOCIAL-OCCASIONAL and FR-CNIL-SRC-RENTED-FIRST-CONTACT-IS-CONSENT-REQUEST allow.
 */
const exception = or(
  and(sourceIs("referral_tell_a_friend"), nothingSentYet),
  and(firstConsentRequest, or(isOccasional, sourceIs(...rentedSources))),
);

/**
 * FR-CNIL-EMAIL-OPTIN — political email to anyone but members and regular contacts needs prior,
 * specific political consent. Catalogue §2.2 default: opt-in applies to political email whether or not
 * CPCE L.34-5 formally covers it. A social-network direct message is electronic mail too (its consent
 * scope is political_email), so it passes the same gate.
 */
export const emailOptin = defineRule({
  id: "FR-CNIL-EMAIL-OPTIN",
  title: "Political email needs opt-in, except to members and regular contacts",
  summary:
    "Members and regular contacts may get political email or DMs; anyone else needs a prior political_email consent, save a referral's single message or a single allowed consent request.",
  actions: ["contact"],
  effect: "deny",
  deny: [
    {
      when: and(isCampaignMessage, channelIs("email", "social_dm"), not(permitted), not(exception)),
      reason:
        "Political email to someone who is not a member or regular contact needs their prior political_email consent.",
    },
    {
      when: and(isCampaignMessage, channelIs("email", "social_dm"), eq("message.recipientsHidden", false)),
      reason: "Recipients of a political email must not see each other's addresses.",
    },
  ],
  allow: [
    {
      when: and(isCampaignMessage, channelIs("email", "social_dm"), or(permitted, exception)),
      reason:
        "The recipient is a member or regular contact, consented to political email, or falls under a single-message exception.",
      obligations: ["identify_sender", "state_data_origin", "offer_opt_out", "hide_recipients"],
    },
  ],
  citations: [
    cite("S7", { article: "fiche n° 10 (2012 guide)" }),
    cite("S32", { text: "CPCE art. L.34-5", article: "L.34-5" }),
    cite("S9", { date: "2006-10-05" }),
    cite("S10", { date: "2006" }),
  ],
  basis: ["R", "P"],
  force: ["CNIL-RECO"],
  severity: fines83_5("226-18"),
});

/**
 * FR-CNIL-SMS-OPTIN-STOP — SMS follows the email logic (same gate and exceptions; §2.2 default) and
 * every political SMS carries STOP and the sender's identity.
 */
export const smsOptinStop = defineRule({
  id: "FR-CNIL-SMS-OPTIN-STOP",
  title: "Political SMS needs opt-in and always carries STOP",
  summary:
    "SMS follows the email gate (members and regular contacts, or a political_sms consent) and every political SMS identifies the sender and offers STOP.",
  actions: ["contact"],
  effect: "deny",
  deny: [
    {
      when: and(isCampaignMessage, channelIs("sms"), not(permitted), not(exception)),
      reason:
        "Political SMS to someone who is not a member or regular contact needs their prior political_sms consent.",
    },
    {
      when: and(isCampaignMessage, channelIs("sms"), eq("message.includesOptOut", false)),
      reason: "Every political SMS must carry a working STOP.",
    },
  ],
  allow: [
    {
      when: and(isCampaignMessage, channelIs("sms"), or(permitted, exception)),
      reason:
        "The recipient is a member or regular contact, consented to political SMS, or falls under a single-message exception.",
      obligations: ["identify_sender", "state_data_origin", "offer_opt_out"],
    },
  ],
  citations: [cite("S35", { date: "2016-10-20" }), cite("S27", { date: "2019" })],
  basis: ["R"],
  force: ["CNIL-RECO"],
  severity: fines83_5("226-18"),
});

const automatedCall = and(isCampaignMessage, channelIs("automated_call"));

/**
 * FR-CNIL-AUTOMATED-CALL — prerecorded political calls need a prior consent specific to political
 * calls, from everyone, members included (§2.2: "no exception"), even for asking consent; and only
 * inside the agreed time slot (an engine-only fact, inside by default).
 */
export const automatedCallRule = defineRule({
  id: "FR-CNIL-AUTOMATED-CALL",
  title: "Automated political calls need prior specific consent and a time slot",
  summary:
    "Prerecorded political calls need a prior political_automated_call consent from everyone, inside the agreed time slot, with the way to refuse stated first.",
  actions: ["contact"],
  effect: "deny",
  deny: [
    {
      when: and(automatedCall, not(validConsentForAction())),
      reason: "Automated political calls need the person's prior consent to political automated calls.",
    },
    {
      when: and(automatedCall, eq("phone.insideTimeSlot", false)),
      reason: "The automated call falls outside the time slot the person agreed to.",
    },
  ],
  allow: [
    {
      when: and(automatedCall, validConsentForAction()),
      reason: "The person consented to political automated calls.",
      obligations: ["opt_out_first", "identify_sender", "state_data_origin", "offer_opt_out"],
    },
  ],
  citations: [cite("S11", { date: "2017-04-21" })],
  basis: ["P"],
  force: ["CNIL-RECO"],
  severity: fines83_5("226-18"),
});
