import { actionIs, and, channelIs, defineRule, eq, not } from "@isoloir/policy";
import { cite, gdpr } from "../cite";
import { isCampaignMessage, isIndirectSource, messageChannels } from "../common";
import { fines83_5 } from "../severity";

const message = and(isCampaignMessage, channelIs(...messageChannels));

/**
 * EU-GDPR-NOTICE-ART13-14 — no form, import or campaign goes live with an incomplete notice (an
 * engine-only fact, complete by default). When the data was not collected from the person, the first
 * message carries the Art. 14 information: one link away, or printed in a letter.
 */
export const noticeArt13_14 = defineRule({
  id: "EU-GDPR-NOTICE-ART13-14",
  title: "The information notice (Arts. 13 and 14) is complete before anything goes live",
  summary:
    "Forms, imports and campaigns need a complete notice (controller, purpose, basis, source, retention, rights, complaint); indirect data gets the Art. 14 information at first contact.",
  actions: ["import", "contact"],
  effect: "deny",
  deny: [
    {
      when: and(actionIs("import", "contact"), eq("notice.complete", false)),
      reason: "The information notice lacks a required field (Arts. 13 and 14).",
    },
  ],
  allow: [
    {
      when: and(message, isIndirectSource, not(channelIs("postal_addressed"))),
      reason: "Data not collected from the person: the Art. 14 information is one link away.",
      obligations: ["link_full_notice"],
    },
    {
      when: and(message, isIndirectSource, channelIs("postal_addressed")),
      reason: "Data not collected from the person: the letter prints the Art. 14 information.",
      obligations: ["print_full_notice"],
    },
  ],
  citations: [
    gdpr("arts. 13 and 14"),
    cite("S41", { date: "2022" }),
    cite("S42", { date: "2012" }),
    cite("S25"),
  ],
  basis: ["R"],
  force: ["LAW"],
  severity: fines83_5(),
});
