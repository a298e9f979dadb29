import { actionIs, and, defineRule, enrichmentSwitchOn, eq, not, type Rule } from "@isoloir/policy";
import { gdpr } from "../cite";
import { reliesOnInvalidConsent, reliesOnValidConsent } from "../consent-needed";
import { platformPromise } from "../severity";

const enrich = actionIs("enrich");

/**
 * ORG-ENRICHMENT-SWITCH — enrichment runs only where the organisation switched it on for the contact's
 * country; every switch starts off, and a contact with no country (EU institutions) has none.
 */
export const enrichmentSwitch = defineRule({
  id: "ORG-ENRICHMENT-SWITCH",
  title: "Enrichment runs only where the organisation switched it on for the contact's country",
  summary:
    "Social-profile enrichment is denied when the organisation's switch for the contact's country is off or absent.",
  actions: ["enrich"],
  effect: "deny",
  deny: [
    {
      when: and(enrich, not(enrichmentSwitchOn)),
      reason: "Enrichment is switched off for the contact's country.",
    },
  ],
  allow: [
    {
      when: and(enrich, enrichmentSwitchOn),
      reason: "The organisation switched enrichment on for the contact's country.",
    },
  ],
  citations: [
    { text: "Isoloir invariant 6: enrichment is off by default and runs only where it is switched on" },
  ],
  basis: ["P"],
  force: ["PLATFORM"],
  severity: platformPromise,
});

/** ORG-SUPPRESSION-LIST — nobody on the suppression list is imported, contacted or enriched, anywhere. */
export const suppressionList = defineRule({
  id: "ORG-SUPPRESSION-LIST",
  title: "Nobody on the suppression list is imported, contacted or enriched",
  summary:
    "A person matching a suppression record of scope all (an objection to everything, kept as keyed hashes of their email, phone or identity) is never imported, contacted or enriched, in any jurisdiction.",
  actions: ["import", "contact", "enrich"],
  effect: "deny",
  deny: [
    {
      when: eq("contact.suppressed", true),
      reason: "The person matches a suppression record of scope all on the organisation's suppression list.",
    },
  ],
  allow: [
    {
      when: and(actionIs("import"), not(eq("contact.suppressed", true))),
      reason: "The record matches no suppression record of scope all.",
    },
  ],
  citations: [
    { text: "Isoloir invariant 5: suppression outlives erasure and purges" },
    gdpr("arts. 17 and 21"),
  ],
  basis: ["P"],
  force: ["PLATFORM"],
  severity: platformPromise,
});

/**
 * ORG-CONSENT-EVIDENCE — a consent counts only with evidence, a positive act (never pre-ticked or
 * none), unbundled, captured before the decision and not withdrawn by then. The engine's `consent`
 * node applies this everywhere (an invalid consent is absent for every rule); this rule states it and
 * is cited where an action rests on consent and only an invalid one is on record.
 */
export const consentEvidence = defineRule({
  id: "ORG-CONSENT-EVIDENCE",
  title: "A consent counts only if provable and freely given",
  summary:
    "A consent needs an evidence reference, a positive act, no bundling, capture before the decision and no earlier withdrawal; otherwise it is treated as absent.",
  actions: ["contact", "enrich", "record"],
  effect: "deny",
  deny: [
    {
      when: reliesOnInvalidConsent,
      reason:
        "The consent on record is not provable or freely given (evidence, positive act, unbundled, timing), so it counts as absent.",
    },
  ],
  allow: [
    {
      when: reliesOnValidConsent,
      reason: "The consent this action rests on is provable and freely given.",
    },
  ],
  citations: [
    { text: "Isoloir invariant 4: consent is a ledger, not a flag, and counts only with its evidence" },
    gdpr("art. 7(1)"),
  ],
  basis: ["P"],
  force: ["PLATFORM"],
  severity: platformPromise,
});

/** The ORG pack: Isoloir's own promises, in every jurisdiction. */
export const orgRules: readonly Rule[] = [enrichmentSwitch, suppressionList, consentEvidence];
