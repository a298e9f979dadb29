import {
  actionIs,
  and,
  channelIs,
  defineRule,
  eq,
  not,
  objectionCoversAll,
  objectionCoversChannel,
  or,
  validConsentForAction,
} from "@isoloir/policy";
import { cite } from "../cite";
import { isCampaignMessage, isContact } from "../common";
import { foreignLaw } from "../severity";

const electronicOrAutomated = channelIs("email", "sms", "social_dm", "automated_call");
const consented = validConsentForAction();
const tpsWithoutConsent = and(eq("phone.tps", true), not(consented));

/**
 * UK-PECR-CHANNELS — political messages to individuals are direct marketing: electronic mail and
 * automated calls need prior consent (asking for consent by email is itself marketing), live calls
 * avoid TPS numbers (an engine-only fact, not registered by default) and people who objected, and the
 * objection — profiling included — is absolute. §2.19 default: no soft opt-in for campaigns.
 */
export const pecrChannels = defineRule({
  id: "UK-PECR-CHANNELS",
  title: "UK: political messages are direct marketing under PECR",
  summary:
    "Email, SMS, DMs and automated calls need prior consent; live calls skip TPS numbers and objectors; objections (profiling included) are absolute.",
  actions: ["contact", "enrich"],
  effect: "deny",
  deny: [
    {
      when: and(isCampaignMessage, electronicOrAutomated, not(consented)),
      reason: "Under PECR, electronic mail and automated calls need the person's prior consent.",
    },
    {
      when: and(isCampaignMessage, channelIs("live_call"), tpsWithoutConsent),
      reason: "The number is registered with the TPS and the person has not consented to calls.",
    },
    {
      when: and(isContact, objectionCoversChannel),
      reason: "The person objected to direct marketing on this channel.",
    },
    {
      when: and(actionIs("enrich"), objectionCoversAll),
      reason: "The objection to direct marketing covers the profiling behind it.",
    },
  ],
  allow: [
    {
      when: and(
        isCampaignMessage,
        or(and(electronicOrAutomated, consented), and(channelIs("live_call"), not(tpsWithoutConsent))),
      ),
      reason: "The person consented, or a live call reaches a number outside the TPS.",
      obligations: ["identify_sender", "offer_opt_out"],
    },
  ],
  citations: [
    cite("S74", { date: "2023-02-21" }),
    cite("S75", { date: "2018-03-26" }),
    cite("S76", { date: "2003-11-13" }),
    cite("S77"),
  ],
  basis: ["R", "S"],
  force: ["LAW"],
  severity: foreignLaw(
    "high",
    "PECR and UK GDPR: ICO fines up to £17.5M or 4% of turnover; PECR fines up to £500,000",
  ),
});
