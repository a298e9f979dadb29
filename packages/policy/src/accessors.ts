import type { EvalContext } from "./context";
import type { InstantFact, ListFact, ListFactTypes, ScalarFact, ScalarFactTypes } from "./nodes";

type Accessor<T> = (c: EvalContext) => T | undefined;

/** How each scalar fact is read, with the case format's defaults (docs/policy-cases.md) for facts a case cannot carry. */
export const scalarAccessors: { [K in ScalarFact]: Accessor<ScalarFactTypes[K]> } = {
  jurisdiction: (c) => c.facts.jurisdiction,
  "controller.type": (c) => c.facts.controller.type,
  purpose: (c) => c.purpose(),
  "contact.source": (c) => c.facts.contact.source,
  "contact.class": (c) => c.contactClass(),
  "contact.country": (c) => c.contactCountry(),
  "contact.ageYears": (c) => c.facts.contact.ageYears,
  "contact.suppressed": (c) => c.facts.contact.suppressed ?? false,
  "contact.messagesSent": (c) => c.facts.contact.messagesSent ?? 0,
  "contact.consentRequestsSent": (c) => c.facts.contact.consentRequestsSent ?? 0,
  "contact.vendorAttestation.politicalReuseDisclosed": (c) =>
    c.facts.contact.vendorAttestation?.politicalReuseDisclosed,
  "contact.vendorAttestation.optOutOffered": (c) => c.facts.contact.vendorAttestation?.optOutOffered,
  "action.type": (c) => c.facts.action.type,
  // each action field is its own action type's; absent for the others
  "action.channel": ({ facts: { action: a } }) => (a.type === "contact" ? a.channel : undefined),
  "action.messageKind": ({ facts: { action: a } }) => (a.type === "contact" ? a.messageKind : undefined),
  "action.provider": ({ facts: { action: a } }) => (a.type === "enrich" ? a.provider : undefined),
  "action.category": ({ facts: { action: a } }) => (a.type === "record" ? a.category : undefined),
  "action.targetPurpose": ({ facts: { action: a } }) => (a.type === "export" ? a.targetPurpose : undefined),
  "action.toThirdParty": (c) =>
    c.facts.action.type === "export" ? (c.facts.action.toThirdParty ?? false) : undefined,
  "processor.hostingRegion": (c) => c.processor()?.hostingRegion,
  "processor.transferMechanism": (c) => c.processor()?.transferMechanism,
  "processor.authorizedByController": (c) => c.processor()?.authorizedByController,
  "processor.art28ContractSigned": (c) => c.processor()?.art28ContractSigned,
  "election.type": (c) => c.facts.election?.type,
  "election.litigationWindowDays": (c) => c.litigationWindowDays(),
  "election.roundCount": (c) => c.facts.election?.rounds.length ?? 0,
  processingRecordEntry: (c) => c.facts.processingRecordEntry ?? true,
  "notice.complete": (c) => c.facts.notice?.complete ?? true,
  "notice.published": (c) => c.facts.notice?.published ?? true,
  dpiaDone: (c) => c.facts.dpiaDone ?? true,
  "actor.role": (c) => c.facts.actor?.role ?? "staff",
  "actor.assigned": (c) => c.facts.actor?.assigned ?? true,
  "phone.mobile": (c) => c.facts.phone?.mobile ?? true,
  "phone.doNotCall": (c) => c.facts.phone?.doNotCall ?? false,
  "phone.tps": (c) => c.facts.phone?.tps ?? false,
  "phone.insideTimeSlot": (c) => c.facts.phone?.insideTimeSlot ?? true,
  "message.includesSenderIdentity": (c) => c.facts.message?.includesSenderIdentity,
  "message.includesDataOrigin": (c) => c.facts.message?.includesDataOrigin,
  "message.includesOptOut": (c) => c.facts.message?.includesOptOut,
  "message.includesNoticeLink": (c) => c.facts.message?.includesNoticeLink,
  "message.recipientsHidden": (c) => c.facts.message?.recipientsHidden,
  paidBoost: (c) => c.facts.paidBoost ?? false,
};

const none: readonly never[] = Object.freeze([]);

export const listAccessors: { [K in ListFact]: (c: EvalContext) => readonly ListFactTypes[K][] } = {
  "contact.dataCategories": (c) => c.facts.contact.dataCategories ?? none,
  "audience.selectors": (c) => c.facts.audience?.selectors ?? none,
};

/** Presence of the facts that are objects rather than values. */
export const objectAccessors = {
  election: (c: EvalContext) => c.facts.election !== undefined,
  "election.resultsProclaimedAt": (c: EvalContext) => c.facts.election?.resultsProclaimedAt !== undefined,
  "contact.vendorAttestation": (c: EvalContext) => c.facts.contact.vendorAttestation !== undefined,
  "contact.objection": (c: EvalContext) => c.facts.contact.objection !== undefined,
} as const;

/** Instant facts, parsed once per decision. */
export const instantAccessors: { [K in InstantFact]: (c: EvalContext) => number | undefined } = {
  at: (c) => c.at(),
  "contact.collectedAt": (c) => c.collectedAt(),
  "contact.lastMessageAt": (c) => c.lastMessageAt(),
  "contact.lastPositiveInteractionAt": (c) => c.lastPositiveInteractionAt(),
  "contact.objection.at": (c) => c.objectionInstant(),
};
