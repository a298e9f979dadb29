import {
  actionIs,
  and,
  channelIs,
  classIs,
  defineRule,
  eq,
  not,
  objectionCoversChannel,
  oneOf,
  or,
  sourceIs,
  validConsent,
  validConsentForAction,
} from "@isoloir/policy";
import { cite, gdpr } from "../cite";
import {
  firstConsentRequest,
  isCampaignMessage,
  isContact,
  isIndirectSource,
  messageChannels,
  opinionCategories,
  rentedSources,
} from "../common";
import { fines83_5 } from "../severity";

const liveCall = and(isCampaignMessage, channelIs("live_call"));
const rentedWithoutConsent = and(sourceIs(...rentedSources), not(validConsentForAction()));

/**
 * FR-CNIL-LIVE-CALL — volunteers' live calls work on information and an immediately honoured
 * objection; Bloctel does not apply (§2.9 default: not required). With rented data and no consent,
 * only a consent-request call.
 */
export const liveCallRule = defineRule({
  id: "FR-CNIL-LIVE-CALL",
  title: "Live calls: identity and origin in the script, objections honoured at once",
  summary:
    "Live political calls are allowed on an opt-out basis with the caller's identity and the data's origin; rented numbers without consent get only a consent-request call.",
  actions: ["contact"],
  effect: "allow-with-obligations",
  deny: [
    {
      when: and(liveCall, rentedWithoutConsent, not(firstConsentRequest)),
      reason: "A rented number without consent may only receive a consent-request call.",
    },
    {
      when: and(liveCall, objectionCoversChannel),
      reason: "The person objected to calls; the objection is honoured immediately.",
    },
  ],
  allow: [
    {
      when: and(liveCall, not(rentedWithoutConsent)),
      reason: "Live political calls work on an opt-out basis.",
      obligations: ["identify_sender", "state_data_origin", "offer_opt_out"],
    },
    {
      when: and(liveCall, rentedWithoutConsent, firstConsentRequest),
      reason: "A single consent-request call to a rented number.",
      obligations: ["consent_request_only"],
    },
  ],
  citations: [
    cite("S36", { date: "2017-04-21" }),
    cite("S27", { date: "2019" }),
    cite("S28", { date: "2021" }),
  ],
  basis: ["S"],
  force: ["CNIL-RECO"],
  severity: fines83_5("226-18-1"),
});

const letter = and(isContact, channelIs("postal_addressed"));

/** FR-CNIL-POSTAL-OPTOUT — addressed post works on opt-out; the letter prints the whole notice. */
export const postalOptout = defineRule({
  id: "FR-CNIL-POSTAL-OPTOUT",
  title: "Addressed post works on opt-out and prints the full notice",
  summary: "Addressed political letters need no consent, must print the whole notice, and stop on objection.",
  actions: ["contact"],
  effect: "allow-with-obligations",
  deny: [
    {
      when: and(letter, objectionCoversChannel),
      reason: "The person objected to addressed post.",
    },
  ],
  allow: [
    {
      when: and(letter, not(objectionCoversChannel)),
      reason: "Addressed post works on an opt-out basis.",
      obligations: ["print_full_notice"],
    },
  ],
  citations: [cite("S23", { date: "2026-01-30" }), cite("S44"), gdpr("arts. 14 and 21")],
  basis: ["R"],
  force: ["LAW"],
  severity: fines83_5("226-18-1"),
});

/**
 * FR-CNIL-DOOR-TO-DOOR-APP — canvassing notes on political leaning need express consent (§2.11
 * default: only neutral visit outcomes about non-members otherwise); details collected at the door
 * come with an on-the-spot notice.
 */
export const doorToDoorApp = defineRule({
  id: "FR-CNIL-DOOR-TO-DOOR-APP",
  title: "Canvassing apps: no political leaning without express consent; notice at the door",
  summary:
    "Canvassers may not record a non-member's political leaning without express consent; details taken at the door need an on-the-spot notice.",
  actions: ["contact", "record", "import"],
  effect: "deny",
  deny: [
    {
      when: and(
        actionIs("record"),
        oneOf("action.category", opinionCategories),
        sourceIs("door_to_door"),
        not(classIs("member", "former_member")),
        not(validConsent("political_opinion_recording")),
      ),
      reason: "A canvasser may record a political leaning only with the person's express consent.",
    },
  ],
  allow: [
    {
      when: or(
        and(isContact, channelIs("door_to_door")),
        and(actionIs("import"), sourceIs("door_to_door")),
        and(actionIs("record"), sourceIs("door_to_door"), oneOf("action.category", ["identity", "contact"])),
      ),
      reason: "Contact details collected at the door come with an on-the-spot notice.",
      obligations: ["link_full_notice"],
    },
  ],
  citations: [
    cite("S37", { date: "2020-02-05" }),
    cite("S35", { date: "2016-10-20" }),
    cite("S38", { date: "2016-11" }),
  ],
  basis: ["R", "S"],
  force: ["LAW", "CNIL-RECO"],
  severity: fines83_5("226-19"),
});

const message = and(isCampaignMessage, channelIs(...messageChannels));

/**
 * FR-CNIL-MESSAGE-MANDATORY-CONTENT — every political message names the sender, gives the data's
 * origin when it was not collected from the person, and offers a simple opt-out; the full notice may
 * sit behind a link (a letter prints it instead). Content not yet written is answered with these
 * obligations; content flags known to be false deny.
 */
export const messageMandatoryContent = defineRule({
  id: "FR-CNIL-MESSAGE-MANDATORY-CONTENT",
  title: "Every political message names the sender, the data's origin and an opt-out",
  summary:
    "Political messages must identify the sender, state the data's origin when it was not collected from the person, and offer an opt-out.",
  actions: ["contact"],
  effect: "allow-with-obligations",
  deny: [
    {
      when: and(
        message,
        or(
          eq("message.includesSenderIdentity", false),
          eq("message.includesOptOut", false),
          and(isIndirectSource, eq("message.includesDataOrigin", false)),
        ),
      ),
      reason: "The message lacks the sender's identity, the data's origin or an opt-out.",
    },
  ],
  allow: [
    {
      when: message,
      reason: "A political message must name the sender and offer an opt-out.",
      obligations: ["identify_sender", "offer_opt_out"],
    },
    {
      when: and(message, isIndirectSource),
      reason: "The contact data was not collected from the person: the message states where it came from.",
      obligations: ["state_data_origin"],
    },
    {
      when: and(message, not(channelIs("postal_addressed"))),
      reason: "The full notice may sit one link or key press away.",
      obligations: ["link_full_notice"],
    },
  ],
  citations: [
    cite("S35", { date: "2016-10-20" }),
    cite("S39", { date: "2017-05-17" }),
    cite("S23", { date: "2026-01-30" }),
    gdpr("arts. 12-14 and 21(4)"),
  ],
  basis: ["R"],
  force: ["LAW", "CNIL-RECO"],
  severity: fines83_5(),
});
