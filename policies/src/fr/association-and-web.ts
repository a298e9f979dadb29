import {
  actionIs,
  and,
  anyValidConsent,
  classIs,
  defineRule,
  eq,
  not,
  sourceIs,
  validConsent,
} from "@isoloir/policy";
import { cite, gdpr } from "../cite";
import { channelConsentScopes, isPoliticalPurpose } from "../common";
import { fines83_5 } from "../severity";

const uses = ["import", "contact", "enrich", "record", "retain"] as const;
/** The case format's default (docs/policy-cases.md): a share_with_named_third_party consent names this controller. */
const sharedWithUs = validConsent("share_with_named_third_party");

/**
 * FR-CNIL-SRC-ASSOCIATION-UNION-FILE — association or union member lists reach a party only with
 * the members' prior consent to that transfer; likewise a party's own members' data does not go to a
 * third party without their agreement (the engine-only `export` action).
 */
export const associationUnionFile = defineRule({
  id: "FR-CNIL-SRC-ASSOCIATION-UNION-FILE",
  title: "Association or union member files need the members' consent to the transfer",
  summary:
    "Member lists of associations or unions may be used only if members consented to their transfer to this controller; then the origin is stated.",
  actions: [...uses, "export"],
  effect: "deny",
  deny: [
    {
      when: and(actionIs(...uses), sourceIs("association_or_union_member_file"), not(sharedWithUs)),
      reason:
        "The association or union member file comes without the members' consent to share it with this controller.",
    },
    {
      when: and(
        actionIs("export"),
        eq("action.toThirdParty", true),
        isPoliticalPurpose,
        classIs("member", "former_member"),
        not(sharedWithUs),
      ),
      reason: "Members' data may not go to a third party without their agreement.",
    },
  ],
  allow: [
    {
      when: and(actionIs(...uses), sourceIs("association_or_union_member_file"), sharedWithUs),
      reason: "The members consented to the transfer of the association or union file to this controller.",
      obligations: ["state_data_origin"],
    },
  ],
  citations: [
    cite("S24", { date: "2026-01-30" }),
    cite("S10", { text: '2006 recommendation as reported ("sauf accord écrit")', date: "2006" }),
    gdpr("art. 9(2)(d)"),
  ],
  basis: ["R", "S"],
  force: ["LAW", "CNIL-RECO"],
  severity: fines83_5("226-21"),
});

/**
 * FR-CNIL-SRC-PUBLIC-WEB-OR-SOCIAL-SCRAPE — conservative profile (catalogue §2.3 default: consent
 * only): a bulk import of scraped web, directory or social-interaction data for prospection needs the
 * person's consent. Legitimate interest would be an ESCALATE in a permissive profile, which the
 * platform does not ship.
 */
export const publicWebOrSocialScrape = defineRule({
  id: "FR-CNIL-SRC-PUBLIC-WEB-OR-SOCIAL-SCRAPE",
  title: "Publicly visible web or social data is not free to import",
  summary:
    "Importing scraped web, directory or social-interaction data for prospection needs the person's consent (conservative profile).",
  actions: ["import"],
  effect: "deny",
  deny: [
    {
      when: and(
        sourceIs("public_web_or_directory_scrape", "social_interaction"),
        isPoliticalPurpose,
        not(anyValidConsent([...channelConsentScopes, "political_ad_targeting"])),
      ),
      reason: "Scraped web or social data may not be imported for prospection without the person's consent.",
    },
  ],
  allow: [
    {
      when: and(
        sourceIs("public_web_or_directory_scrape", "social_interaction"),
        anyValidConsent([...channelConsentScopes, "political_ad_targeting"]),
      ),
      reason: "The person consented to political communication.",
      obligations: ["state_data_origin"],
    },
  ],
  citations: [
    cite("S12", { date: "2023-02-09" }),
    cite("S13", { date: "2016-11-08" }),
    gdpr("arts. 5, 6 and 14"),
  ],
  basis: ["R"],
  force: ["LAW", "CNIL-RECO"],
  severity: fines83_5("226-18"),
});
