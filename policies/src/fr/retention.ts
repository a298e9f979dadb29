import {
  actionIs,
  afterDay,
  and,
  anyValidConsent,
  type Clause,
  classIs,
  dayOf,
  defineRule,
  exists,
  not,
  or,
  plusDays,
  plusMonths,
  purposeIs,
  sourceIs,
  validConsent,
} from "@isoloir/policy";
import { cite } from "../cite";
import { channelConsentScopes, electionClosed, hasElection, isRegular, socialOrWebSources } from "../common";
import { fines83_5 } from "../severity";

const retain = actionIs("retain");
/** Prospection data: prospects and occasional contacts (neither is a regular contact). */
const prospectionData = classIs("prospect", "occasional_contact");
const agreedToMore = anyValidConsent([...channelConsentScopes, "reuse_other_elections"]);
const messaged = exists("contact.lastMessageAt");
const socialOrWeb = sourceIs(...socialOrWebSources);
const daysAfterLastMessage = (days: number) => afterDay(plusDays(dayOf("contact.lastMessageAt"), days));
const threeYearsAfter = (fact: "contact.lastPositiveInteractionAt" | "contact.collectedAt") =>
  and(exists(fact), afterDay(plusMonths(dayOf(fact), 36)));

/** The NS 34 purges, each from the day its period ends. */
const purges: Clause[] = [
  {
    when: and(retain, prospectionData, messaged, socialOrWeb, daysAfterLastMessage(30), not(agreedToMore)),
    reason: "Prospection data from social networks or the web is kept 30 days after the last message.",
  },
  {
    when: and(
      retain,
      prospectionData,
      messaged,
      not(socialOrWeb),
      daysAfterLastMessage(60),
      not(agreedToMore),
    ),
    reason: "Prospection data is kept 60 days after the last message.",
  },
  {
    when: and(
      retain,
      prospectionData,
      not(messaged),
      electionClosed,
      not(validConsent("reuse_other_elections")),
    ),
    reason: "A prospect never messaged is kept only until the end of the election the data was obtained for.",
  },
  {
    when: and(
      retain,
      prospectionData,
      not(messaged),
      not(hasElection),
      afterDay(plusDays(dayOf("contact.collectedAt"), 60)),
      not(agreedToMore),
    ),
    reason: "A prospect never messaged and linked to no election is kept 60 days after collection.",
  },
  {
    when: and(
      retain,
      purposeIs("propaganda"),
      not(isRegular),
      electionClosed,
      not(validConsent("reuse_other_elections")),
    ),
    reason: "Propaganda-only data goes at the end of the election and its litigation window.",
  },
  {
    when: and(
      retain,
      classIs("regular_contact", "former_member"),
      or(
        threeYearsAfter("contact.lastPositiveInteractionAt"),
        and(not(exists("contact.lastPositiveInteractionAt")), threeYearsAfter("contact.collectedAt")),
      ),
    ),
    reason: "A regular contact with no positive interaction for 3 years is deleted.",
  },
];

/**
 * FR-CNIL-NS34-RETENTION — NS 34's retention, with the catalogue's defaults (§2.6): prospection data
 * 60 days after the last message (30 for social or web sources); never messaged, until the end of its
 * election (last round + litigation window) or, without one, collectedAt + 60 days; propaganda-only
 * data at the election's end + litigation window (the last round's, the earlier and so conservative
 * reading of "proclamation plus the window"); regular contacts and former members after 3 years
 * without a positive interaction (the collection counts as one). Occasional contacts are prospection
 * data here: NS 34 keeps only regular contacts beyond the campaign.
 */
export const ns34Retention = defineRule({
  id: "FR-CNIL-NS34-RETENTION",
  title: "Retention: prospects 60 days after the message, regular contacts 3 years without interaction",
  summary:
    "Prospection data goes 60 days after the last message (30 for social/web sources) or at the election's end; propaganda data at the election's end; regular contacts after 3 years without a positive interaction.",
  actions: ["retain"],
  effect: "deny",
  deny: purges,
  allow: [
    {
      when: and(
        retain,
        or(
          classIs("prospect", "occasional_contact", "regular_contact", "former_member"),
          purposeIs("propaganda"),
        ),
        not(or(...purges.map((clause) => clause.when))),
      ),
      reason: "The data is still within its NS 34 retention period.",
    },
  ],
  citations: [
    cite("S4", { text: "CNIL délibération n° 2012-021 (NS 34), retention article", date: "2012-01-26" }),
    cite("S24", { date: "2026-01-30" }),
  ],
  basis: ["P"],
  force: ["CNIL-RECO"],
  severity: fines83_5("226-20"),
});
