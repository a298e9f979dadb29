import {
  actionIs,
  and,
  defineRule,
  exists,
  not,
  objectionCoversAll,
  objectionCoversChannel,
} from "@isoloir/policy";
import { cite, gdpr } from "../cite";
import { isContact } from "../common";
import { reliesOnInvalidConsent, reliesOnValidConsent } from "../consent-needed";
import { fines83_5 } from "../severity";

/**
 * EU-GDPR-ART21-OBJECTION — the objection to prospection is absolute, honoured from the first request,
 * for every message in its scope; an objection to everything also ends the other processing and the
 * data goes (only the suppression record stays). §2.8 default: it reaches the whole tenant
 * data-sharing group.
 */
export const art21Objection = defineRule({
  id: "EU-GDPR-ART21-OBJECTION",
  title: "An objection to prospection is absolute and honoured at once",
  summary:
    "After an objection, no message in its scope; an objection to everything also stops enrichment, recording and imports, and the data must be erased.",
  actions: ["contact", "import", "enrich", "record", "retain"],
  effect: "deny",
  deny: [
    {
      when: and(isContact, objectionCoversChannel),
      reason: "The person objected to messages on this channel.",
    },
    {
      when: and(actionIs("import", "enrich", "record"), objectionCoversAll),
      reason: "The person objected to all processing.",
    },
    {
      when: and(actionIs("retain"), objectionCoversAll),
      reason: "The person objected to everything: their data goes, only the suppression record stays.",
    },
  ],
  allow: [
    {
      when: and(isContact, exists("contact.objection"), not(objectionCoversChannel)),
      reason: "The objection on record does not cover this channel (or comes later).",
    },
    {
      when: and(actionIs("retain"), exists("contact.objection"), not(objectionCoversAll)),
      reason: "The objection on record is limited to some channels: the data may be kept to honour it.",
    },
  ],
  citations: [
    gdpr("arts. 12(3) and 21"),
    cite("S43", { date: "2021-06" }),
    cite("S29", { date: "2025-05-19" }),
    cite("S47", { date: "2012" }),
  ],
  basis: ["K", "R"],
  force: ["LAW"],
  severity: fines83_5("226-18-1"),
});

/**
 * EU-GDPR-RIGHTS-AND-CONSENT-MECHANICS — consent must be provable, given by a clear act, freely given
 * and not withdrawn: where an action rests on consent and the consent on record fails this, the
 * action is denied. Access (with source) and erasure deadlines are product duties.
 */
export const rightsAndConsentMechanics = defineRule({
  id: "EU-GDPR-RIGHTS-AND-CONSENT-MECHANICS",
  title: "Consent must be provable, given by a clear act and withdrawable",
  summary:
    "Processing that rests on consent is denied when the consent lacks evidence, was not a clear act, was bundled or has been withdrawn.",
  actions: ["contact", "enrich", "record"],
  effect: "deny",
  deny: [
    {
      when: reliesOnInvalidConsent,
      reason:
        "The consent this action rests on is not provable or no longer valid (no evidence, no clear act, bundled or withdrawn).",
    },
  ],
  allow: [
    {
      when: reliesOnValidConsent,
      reason: "The consent this action rests on is provable and freely given.",
    },
  ],
  citations: [gdpr("arts. 7, 15 and 17"), cite("S39", { date: "2017-05-17" })],
  basis: ["K"],
  force: ["LAW"],
  severity: fines83_5(),
});
