import type { Channel, ConsentMechanism } from "@isoloir/db";

// A consent timeline of one contact (and the switch timeline of its organisation), and the model of
// what the gate must answer at any instant. Instants are whole seconds from `timelineEpoch`.
// The model restates the FR enrich decision from the rules themselves (policies/src/org, fr/social,
// fr/objection-and-minors, eu/rights, consent-needed), for a French adult newsletter subscriber of a
// French party, without the engine:
// - ORG-ENRICHMENT-SWITCH denies while the FR switch is off;
// - FR-CNIL-SOCIAL-ENRICHMENT denies without a valid social_enrichment consent, and when some
//   social_enrichment consent is on record but none is valid, ORG-CONSENT-EVIDENCE and
//   EU-GDPR-RIGHTS-AND-CONSENT-MECHANICS deny too (the action rests on consent, FR);
// - a consent is valid at t with a non-blank evidence reference, a positive mechanism (not
//   pre_ticked, not none), unbundled, captured at or before t and not withdrawn by t;
// - an objection to everything made at or before t denies through EU-GDPR-ART21-OBJECTION, and puts
//   the person on the suppression list (ORG-SUPPRESSION-LIST, FR-CNIL-OBJECTION-SUPPRESSION-ACROSS-
//   ELECTIONS); an objection to some channels only says nothing about enrichment;
// - the gate then needs the live consent the data will be recorded under: the newest valid one.

export const timelineEpoch = Date.parse("2026-11-01T00:00:00Z");
export const instant = (seconds: number) => new Date(timelineEpoch + seconds * 1000);

export type EvidenceKind = "ref" | "missing" | "blank";

export type ContactEvent =
  | {
      kind: "grant";
      scope: "social_enrichment" | "political_email";
      mechanism: ConsentMechanism;
      evidence: EvidenceKind;
      bundled: boolean;
    }
  | { kind: "withdraw" }
  | { kind: "object"; scope: "all" | Channel[] };

export interface TimedEvent {
  at: number;
  event: ContactEvent;
}

/** One contact's timeline: its events at strictly increasing instants, and when the gate is asked. */
export interface ContactTimeline {
  events: TimedEvent[];
  checks: number[];
}

/** The organisation's FR switch: its first state, then flips at non-decreasing instants. */
export interface SwitchTimeline {
  initial: boolean;
  flips: { at: number; on: boolean }[];
}

export interface Verdict {
  allowed: boolean;
  /** the rules that deny, sorted (empty when allowed) */
  denyingRules: string[];
  /** index in `events` of the grant the data would be recorded under */
  consentEvent: number | null;
}

/** Deliberately wrong models, to show that the suite catches a wrong answer. */
export const mutations = [
  "ignores_withdrawal",
  "ignores_switch",
  "ignores_objection",
  "channel_objection_blocks",
  "ignores_evidence",
  "capture_strictly_before",
] as const;
export type Mutation = (typeof mutations)[number];

export function switchOnAt(timeline: SwitchTimeline, t: number): boolean {
  let on = timeline.initial;
  for (const flip of timeline.flips) if (flip.at <= t) on = flip.on;
  return on;
}

interface ModelConsent {
  index: number;
  capturedAt: number;
  withdrawnAt: number | null;
  event: Extract<ContactEvent, { kind: "grant" }>;
}

/** The social_enrichment ledger as of t: grants made by t, each withdrawn by the first withdrawal after it. */
function ledgerAt(events: readonly TimedEvent[], t: number): ModelConsent[] {
  const ledger: ModelConsent[] = [];
  events.forEach(({ at, event }, index) => {
    if (at > t) return;
    if (event.kind === "grant" && event.scope === "social_enrichment")
      ledger.push({ index, capturedAt: at, withdrawnAt: null, event });
    if (event.kind === "withdraw") for (const c of ledger) c.withdrawnAt ??= at;
  });
  return ledger;
}

function isValid(c: ModelConsent, t: number, mutation: Mutation | undefined): boolean {
  const { mechanism, evidence, bundled } = c.event;
  const provable =
    mutation === "ignores_evidence" ||
    (evidence === "ref" && mechanism !== "pre_ticked" && mechanism !== "none" && !bundled);
  const captured = mutation === "capture_strictly_before" ? c.capturedAt < t : c.capturedAt <= t;
  const withdrawn = mutation !== "ignores_withdrawal" && c.withdrawnAt !== null && c.withdrawnAt <= t;
  return provable && captured && !withdrawn;
}

function objectsToAll(events: readonly TimedEvent[], t: number, mutation: Mutation | undefined): boolean {
  if (mutation === "ignores_objection") return false;
  return events.some(
    ({ at, event }) =>
      at <= t &&
      event.kind === "object" &&
      (event.scope === "all" || mutation === "channel_objection_blocks"),
  );
}

/** What the gate must answer for this contact at t. */
export function expectedVerdict(
  contact: ContactTimeline,
  org: SwitchTimeline,
  t: number,
  mutation?: Mutation,
): Verdict {
  const ledger = ledgerAt(contact.events, t);
  const valid = ledger.filter((c) => isValid(c, t, mutation));
  const denying: string[] = [];
  if (mutation !== "ignores_switch" && !switchOnAt(org, t)) denying.push("ORG-ENRICHMENT-SWITCH");
  if (valid.length === 0) {
    denying.push("FR-CNIL-SOCIAL-ENRICHMENT");
    if (ledger.length > 0) denying.push("ORG-CONSENT-EVIDENCE", "EU-GDPR-RIGHTS-AND-CONSENT-MECHANICS");
  }
  if (objectsToAll(contact.events, t, mutation)) {
    denying.push(
      "EU-GDPR-ART21-OBJECTION",
      "ORG-SUPPRESSION-LIST",
      "FR-CNIL-OBJECTION-SUPPRESSION-ACROSS-ELECTIONS",
    );
  }
  const newest = valid.reduce<ModelConsent | null>(
    (best, c) => (best && best.capturedAt >= c.capturedAt ? best : c),
    null,
  );
  return denying.length > 0
    ? { allowed: false, denyingRules: denying.sort(), consentEvent: null }
    : { allowed: true, denyingRules: [], consentEvent: newest?.index ?? null };
}
