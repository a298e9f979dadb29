import {
  actionIs,
  afterDay,
  and,
  channelIs,
  defineRule,
  holdsCategory,
  lastRound,
  not,
  oneOf,
  or,
  plusDays,
  type Rule,
  sourceIs,
  validConsentForAction,
} from "@isoloir/policy";
import { cite, gdpr } from "../cite";
import { electionActive, hasElection, isCampaignMessage, isPoliticalPurpose } from "../common";
import { foreignLaw } from "../severity";

const bmg = sourceIs("melderegister_BMG50");
const campaignUse = and(electionActive, isPoliticalPurpose);

/**
 * DE-BMG-50-MELDEREGISTER — registration-office addresses serve only the campaign advertising of the
 * election they were given for (within the six months before it, until the vote), never carry dates of
 * birth, and are deleted within one month after the vote (the last round).
 */
export const bmg50Melderegister = defineRule({
  id: "DE-BMG-50-MELDEREGISTER",
  title: "DE: Melderegister addresses serve that election's advertising only, and go a month after the vote",
  summary:
    "§50 BMG data may be used only for the campaign advertising of its election in the six months before it, never with birth dates, and is deleted 30 days after the vote.",
  actions: ["import", "contact", "enrich", "record", "retain"],
  effect: "deny",
  deny: [
    {
      when: and(bmg, actionIs("import", "contact", "enrich", "record"), not(campaignUse)),
      reason:
        "Melderegister data may be used only for the campaign advertising of its election, in the six months before the vote.",
    },
    {
      when: and(
        bmg,
        or(
          actionIs("enrich"),
          and(actionIs("record"), not(oneOf("action.category", ["identity", "contact"]))),
        ),
      ),
      reason: "Melderegister data serves election advertising only: no enrichment or profiling.",
    },
    {
      when: and(bmg, actionIs("import", "record", "retain"), holdsCategory("birth_date")),
      reason: "Registration offices never give dates of birth: a file containing them is rejected.",
    },
    {
      when: and(bmg, actionIs("retain"), or(not(hasElection), afterDay(plusDays(lastRound, 30)))),
      reason: "Melderegister data must be deleted within one month after the vote.",
    },
  ],
  allow: [
    {
      when: and(
        bmg,
        actionIs("retain"),
        hasElection,
        not(afterDay(plusDays(lastRound, 30))),
        not(holdsCategory("birth_date")),
      ),
      reason: "Melderegister data is kept until one month after the vote.",
    },
    {
      when: and(bmg, actionIs("import", "contact"), campaignUse),
      reason: "Melderegister data used for the campaign advertising of its election.",
    },
  ],
  citations: [
    cite("S83", {
      text: "§50(1), (5) and (6) Bundesmeldegesetz, quoted by datenschutz.de",
      article: "§50 BMG",
    }),
    cite("S84"),
    cite("S85"),
    cite("S86"),
    cite("S87", { date: "2023" }),
  ],
  basis: ["P", "S"],
  force: ["LAW"],
  severity: foreignLaw("high", "§54 BMG (administrative fines) and GDPR art. 83(5)"),
});

const electronicMessage = and(isCampaignMessage, channelIs("email", "sms", "social_dm"));

/** DE-ELECTRONIC-CONSENT — personalised political advertising by email or messenger needs consent. */
export const deElectronicConsent = defineRule({
  id: "DE-ELECTRONIC-CONSENT",
  title: "DE: political email, SMS and messenger advertising need consent",
  summary:
    "Personalised political advertising by email, SMS or messenger needs consent, then carries an opt-out and the notice.",
  actions: ["contact"],
  effect: "deny",
  deny: [
    {
      when: and(electronicMessage, not(validConsentForAction())),
      reason: "Personalised electronic political advertising in Germany needs the person's consent.",
    },
  ],
  allow: [
    {
      when: and(electronicMessage, validConsentForAction()),
      reason: "The person consented to political messages on this channel.",
      obligations: ["offer_opt_out", "link_full_notice"],
    },
  ],
  citations: [cite("S85"), cite("S88"), gdpr("art. 6")],
  basis: ["S"],
  force: ["LAW"],
  severity: foreignLaw("high", "GDPR art. 83(5); UWG §7 where it applies"),
});

/** The DE pack: Bundesmeldegesetz, GDPR as read by the German DPAs. */
export const deRules: readonly Rule[] = [bmg50Melderegister, deElectronicConsent];
