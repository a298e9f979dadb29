import type { EngineFacts } from "@isoloir/policy";
import { type GeneratedFacts, generatePopulation } from "@isoloir/policy-gen";

/** The email-contact subset of the issue: the rules that decide a political or consent-request email in France. */
export const emailRuleIds = [
  "FR-CNIL-EMAIL-OPTIN",
  "FR-CNIL-SOCIAL-OCCASIONAL",
  "FR-CNIL-REFERRAL-SINGLE-MESSAGE",
  "EU-GDPR-ART21-OBJECTION",
  "FR-CNIL-OBJECTION-SUPPRESSION-ACROSS-ELECTIONS",
  "FR-CE-L49-EVE-BLACKOUT",
  "FR-LIL-ART45-MINORS",
  "ORG-CONSENT-EVIDENCE",
] as const;

const kinds = ["political", "consent_request", "service"] as const;

/**
 * One generated fact turned into an FR email-contact decision: jurisdiction FR, a contact living in
 * France, action contact/email. The message kind is the generated one for contact actions and cycles
 * through political, consent_request and service for the others. Everything else (source, class, age,
 * consents, objection, suppression, counters, election and the decision time drawn around its rounds'
 * eves) is kept as generated.
 */
export function asEmailContact(facts: GeneratedFacts, index: number): EngineFacts {
  const messageKind = facts.action.type === "contact" ? facts.action.messageKind : kinds[index % 3];
  return {
    ...facts,
    jurisdiction: "FR",
    contact: { ...facts.contact, country: "FR" },
    action: { type: "contact", channel: "email", messageKind: messageKind ?? "political" },
  };
}

/** The generated population (all actions and jurisdictions) and its FR email-contact mapping. */
export function benchmarkFacts(size: number, seed = 2027): { all: GeneratedFacts[]; email: EngineFacts[] } {
  const all = generatePopulation(size, seed);
  return { all, email: all.map(asEmailContact) };
}
