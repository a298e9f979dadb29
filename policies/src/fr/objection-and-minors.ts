import {
  actionIs,
  and,
  classIs,
  cmp,
  defineRule,
  eq,
  not,
  objectionCoversAll,
  or,
  validConsentForAction,
} from "@isoloir/policy";
import { cite, gdpr } from "../cite";
import { isCampaignMessage } from "../common";
import { fines83_5 } from "../severity";

/**
 * FR-CNIL-OBJECTION-SUPPRESSION-ACROSS-ELECTIONS — someone who objected never comes back through a
 * later import (new electoral list, new rented file) and is not contacted or enriched again. Catalogue
 * §2.7 default: a minimal suppression record (salted hash, scope, date) kept indefinitely and used only
 * to block; §2.8: it covers the whole tenant data-sharing group.
 */
export const objectionSuppressionAcrossElections = defineRule({
  id: "FR-CNIL-OBJECTION-SUPPRESSION-ACROSS-ELECTIONS",
  title: "Objectors never come back through a later import",
  summary:
    "Anyone matching a suppression record of scope all (or who objected to everything) is not imported, contacted or enriched again, whatever the election or file; a record scoped to channels comes back as their objection to those channels.",
  actions: ["import", "contact", "enrich"],
  effect: "deny",
  deny: [
    {
      when: or(eq("contact.suppressed", true), and(actionIs("import"), objectionCoversAll)),
      reason:
        "The person objected to everything and matches a suppression record of scope all: no import, contact or enrichment.",
    },
  ],
  allow: [
    {
      when: and(actionIs("import"), not(eq("contact.suppressed", true)), not(objectionCoversAll)),
      reason:
        "The record matches no suppression record of scope all and may enter the file; a record scoped to channels comes back as an objection.",
    },
  ],
  citations: [gdpr("arts. 21(3) and 17(1)(c)"), cite("S47", { date: "2012" })],
  basis: ["K"],
  force: ["DERIVED"],
  severity: fines83_5("226-18-1"),
});

const consentBased = and(actionIs("contact", "enrich", "record"), validConsentForAction());

/**
 * FR-LIL-ART45-MINORS — under 15, consent-based processing needs joint parental consent; known
 * under-18s who are not members get no prospection. Catalogue §2.15 default: no prospection of people
 * known to be under 18; members aged 15-17 consent themselves.
 */
export const lilArt45Minors = defineRule({
  id: "FR-LIL-ART45-MINORS",
  title: "Minors: joint parental consent under 15, no prospection under 18",
  summary:
    "Under 15, a consent counts only if given jointly with a parent; people known to be under 18 who are not members get no prospection.",
  actions: ["contact", "enrich", "record"],
  effect: "deny",
  deny: [
    {
      when: and(
        cmp("contact.ageYears", "<", 15),
        consentBased,
        not(validConsentForAction(["parental_joint"])),
      ),
      reason: "Under 15, consent-based processing needs a consent given jointly with a parent.",
    },
    {
      when: and(
        cmp("contact.ageYears", "<", 18),
        not(classIs("member")),
        or(isCampaignMessage, actionIs("enrich")),
      ),
      reason: "People known to be under 18 who are not members get no prospection.",
    },
  ],
  allow: [
    {
      when: and(cmp("contact.ageYears", "<", 18), classIs("member"), isCampaignMessage),
      reason: "Members aged under 18 (the youth wing) may get the campaign's messages.",
    },
    {
      when: and(cmp("contact.ageYears", "<", 15), consentBased, validConsentForAction(["parental_joint"])),
      reason: "Under 15, the consent was given jointly with a parent.",
    },
  ],
  citations: [
    {
      text: "Loi n° 78-17 du 6 janvier 1978 (Informatique et Libertés)",
      article: "art. 45",
      date: "1978-01-06",
    },
    cite("S55", { date: "2021-06-09" }),
  ],
  basis: ["R"],
  force: ["LAW"],
  severity: fines83_5("226-18"),
});
