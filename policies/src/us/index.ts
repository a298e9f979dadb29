import { and, channelIs, defineRule, eq, not, type Rule, validConsentForAction } from "@isoloir/policy";
import { cite } from "../cite";
import { isContact } from "../common";
import { foreignLaw } from "../severity";

const toMobileWithoutConsent = and(eq("phone.mobile", true), not(validConsentForAction()));

/**
 * US-TCPA-AUTODIALED — autodialed or prerecorded political calls and texts to mobiles need prior
 * express consent (a US number is a mobile by default); landline robocalls identify the caller at the
 * start; manual calls are not covered. §2.21 default: every texting platform counts as autodialed.
 */
export const tcpaAutodialed = defineRule({
  id: "US-TCPA-AUTODIALED",
  title: "US: autodialed or prerecorded calls and texts to mobiles need prior express consent",
  summary:
    "Automated calls and texts to mobile numbers need prior express consent; prerecorded calls identify the caller at the start; live manual calls are not covered.",
  actions: ["contact"],
  effect: "deny",
  deny: [
    {
      when: and(isContact, channelIs("automated_call", "sms"), toMobileWithoutConsent),
      reason:
        "Autodialed or prerecorded calls and texts to a mobile need the called party's prior express consent (TCPA).",
    },
  ],
  allow: [
    {
      when: and(isContact, channelIs("automated_call"), not(toMobileWithoutConsent)),
      reason:
        "A prerecorded call the TCPA permits; it identifies the caller at the start with a callback number.",
      obligations: ["identify_sender"],
    },
    {
      when: and(isContact, channelIs("sms"), not(toMobileWithoutConsent)),
      reason: "A text the TCPA permits.",
    },
    {
      when: and(isContact, channelIs("live_call")),
      reason: "Manually dialled calls are outside the TCPA and political calls outside the Do-Not-Call list.",
    },
  ],
  citations: [
    cite("S89", { date: "2016-03-14" }),
    cite("S90", { date: "2016-03" }),
    cite("S91", { date: "2018-10-30" }),
  ],
  basis: ["S"],
  force: ["LAW"],
  severity: foreignLaw("high", "TCPA, 47 U.S.C. §227: $500 to $1,500 statutory damages per call or text"),
});

/** The US pack: federal TCPA only (no GDPR-style source or retention rules). */
export const usRules: readonly Rule[] = [tcpaAutodialed];
