import {
  actionIs,
  and,
  channelIs,
  classIs,
  cmp,
  controllerIs,
  defineRule,
  eq,
  has,
  not,
  oneOf,
  or,
  sourceIs,
  validConsent,
} from "@isoloir/policy";
import { cite, gdpr } from "../cite";
import { directSources, isContact, opinionCategories, specialCategoryData } from "../common";
import { fines83_5 } from "../severity";

const opinions = or(
  and(actionIs("record"), oneOf("action.category", opinionCategories)),
  and(actionIs("import", "retain"), has("contact.dataCategories", ...opinionCategories)),
);
/** Art. 9(2)(d): a party or campaign association, for its members, former members and regular contacts. */
const bodyExemption = and(
  controllerIs("party", "campaign_association"),
  classIs("member", "former_member", "regular_contact"),
);
const explicitConsent = validConsent("political_opinion_recording");

/**
 * EU-GDPR-ART9-POLITICAL-OPINIONS — political opinions are special-category data: a party or campaign
 * association may hold them for members, former members and regular contacts, kept inside the body;
 * anyone else needs explicit consent. §2.10 default: a candidate (a natural person) does not benefit
 * from Art. 9(2)(d), so needs explicit consent.
 */
export const art9PoliticalOpinions = defineRule({
  id: "EU-GDPR-ART9-POLITICAL-OPINIONS",
  title: "Political opinions need explicit consent, save a party's own members and regular contacts",
  summary:
    "Opinion data is allowed for a party's or campaign association's members, former members and regular contacts (no disclosure outside); otherwise only with explicit consent.",
  actions: ["record", "import", "retain"],
  effect: "deny",
  deny: [
    {
      when: and(opinions, not(bodyExemption), not(explicitConsent)),
      reason:
        "Political opinions may be processed only with explicit consent outside a party's own members and regular contacts.",
    },
  ],
  allow: [
    {
      when: and(opinions, bodyExemption),
      reason:
        "A party or campaign association may hold the opinions of its members and regular contacts (Art. 9(2)(d)).",
      obligations: ["no_disclosure_outside_body"],
    },
    {
      when: and(opinions, not(bodyExemption), explicitConsent),
      reason: "The person gave explicit consent to recording their political opinion.",
    },
  ],
  citations: [
    gdpr("art. 9 and recital 56"),
    cite("S3", { article: "preamble", date: "2012-01-26" }),
    cite("S48", { date: "2019-03-13" }),
    cite("S49", { date: "2019-03-21" }),
  ],
  basis: ["K", "S"],
  force: ["LAW"],
  severity: fines83_5("226-19"),
});

const inferred = or(
  and(actionIs("record"), eq("action.category", "political_opinion_inferred")),
  and(actionIs("import", "retain", "contact"), has("contact.dataCategories", "political_opinion_inferred")),
  and(isContact, has("audience.selectors", ...opinionCategories)),
);

/**
 * EU-EDPB-INFERRED-OPINIONS-PROFILING — opinions inferred by scoring or profiling are special-category
 * data: no propensity or persuasion score, and no message targeted with one, without explicit consent;
 * where allowed, people can see why they got the message.
 */
export const edpbInferredOpinions = defineRule({
  id: "EU-EDPB-INFERRED-OPINIONS-PROFILING",
  title: "Inferred opinions and persuasion scores need explicit consent",
  summary:
    "Inferred-opinion scores and segments need explicit consent; where allowed, targeted people can see why they got the message.",
  actions: ["record", "import", "retain", "contact"],
  effect: "deny",
  deny: [
    {
      when: and(inferred, not(explicitConsent)),
      reason: "Inferred political opinions (scores, segments) need the person's explicit consent.",
    },
  ],
  allow: [
    {
      when: and(inferred, explicitConsent),
      reason: "The person explicitly consented; targeted people can see why they got the message.",
      obligations: ["why_this_message"],
    },
  ],
  citations: [
    cite("S48", { date: "2019-03-13" }),
    cite("S50", { date: "2018-09-12" }),
    gdpr("arts. 9 and 22"),
  ],
  basis: ["S"],
  force: ["CNIL-RECO", "LAW"],
  severity: fines83_5("226-19"),
});

const adTargeting = and(isContact, channelIs("online_ad_targeting"));
const specialData = or(
  has("contact.dataCategories", ...specialCategoryData),
  has("audience.selectors", ...specialCategoryData),
);
/** Art. 18(1)(c) as recalled (basis K): a year or more below the voting age of 18. */
const tooYoung = cmp("contact.ageYears", "<", 17);

/**
 * EU-TTPA-ART18-AD-TARGETING — political ad targeting uses only data collected from the person, with
 * explicit separate consent, no special-category profiling and nobody a year below voting age.
 * Applicable from 10 Oct 2025 (the earlier of the two published dates, §2.16); §2.16 default: any paid
 * or targeted online placement is in scope. A social follow is data from the network, not from the
 * person, so it does not count as direct collection.
 */
export const ttpaArt18AdTargeting = defineRule({
  id: "EU-TTPA-ART18-AD-TARGETING",
  title: "Political ad targeting: own data, explicit consent, no sensitive data, no minors",
  summary:
    "Online political ad audiences may use only data collected from the person with explicit political_ad_targeting consent, never special-category data or people a year below voting age.",
  actions: ["contact"],
  effect: "deny",
  validFrom: "2025-10-10",
  deny: [
    {
      when: and(adTargeting, not(sourceIs(...directSources))),
      reason:
        "Ad targeting may use only data collected from the person (not lists, rented files or brokers).",
    },
    {
      when: and(adTargeting, not(validConsent("political_ad_targeting"))),
      reason: "Ad targeting needs the person's explicit, separate consent to political advertising.",
    },
    {
      when: and(adTargeting, specialData),
      reason: "Political ad targeting may not use special-category data.",
    },
    {
      when: and(adTargeting, tooYoung),
      reason: "Political ad targeting may not reach people a year or more below voting age.",
    },
  ],
  allow: [
    {
      when: and(
        adTargeting,
        sourceIs(...directSources),
        validConsent("political_ad_targeting"),
        not(specialData),
        not(tooYoung),
      ),
      reason: "Targeting rests on data collected from the person and their explicit consent.",
      obligations: ["ad_transparency_label", "why_this_message"],
    },
  ],
  citations: [
    {
      text: "Regulation (EU) 2024/900 on the transparency and targeting of political advertising",
      article: "arts. 18-19",
      date: "2024-03-13",
      url: "https://eur-lex.europa.eu/eli/reg/2024/900/oj",
    },
    cite("S51"),
    cite("S52"),
    cite("S53"),
    cite("S54", { date: "2025-10-21" }),
  ],
  basis: ["R", "S"],
  force: ["LAW"],
  severity: fines83_5(),
});
