import type { Consent, EngineFacts, Processor } from "./facts";
import { dayNumber, parseInstant, type Zone, zone, zoneDay } from "./time";
import {
  type ConsentScope,
  type ContactClass,
  consentScopes,
  countryOf,
  type Mechanism,
  normaliseCountry,
  type Purpose,
  type Source,
  scopeOfChannel,
  zoneOf,
} from "./vocabulary";

const optionalInstant = (value: string | null | undefined): number | undefined =>
  value ? parseInstant(value) : undefined;

export type Classifier = (source: Source) => ContactClass;

const scopeBit = new Map<ConsentScope, number>(consentScopes.map((s, i) => [s, 1 << i]));
const UNSET = Symbol("unset");
type Lazy<T> = T | typeof UNSET;

/**
 * The facts of one decision with their derived values (class, country, purpose, parsed instants,
 * election days, valid consents). Each derived value is computed at most once, on first use.
 */
export class EvalContext {
  readonly zone: Zone;
  private atMs: Lazy<number> = UNSET;
  private cls: Lazy<ContactClass> = UNSET;
  private country: Lazy<string | undefined> = UNSET;
  private rounds: Lazy<number[]> = UNSET;
  private proclaimed: Lazy<number | undefined> = UNSET;
  private validMask: Lazy<number> = UNSET;
  private recordedMask: Lazy<number> = UNSET;
  private processorCache: Lazy<Processor | undefined> = UNSET;
  private collected: Lazy<number | undefined> = UNSET;
  private lastMessage: Lazy<number | undefined> = UNSET;
  private lastPositive: Lazy<number | undefined> = UNSET;
  private objectionAt: Lazy<number | undefined> = UNSET;

  constructor(
    readonly facts: EngineFacts,
    private readonly classify: Classifier,
  ) {
    this.zone = zone(zoneOf[facts.jurisdiction]);
  }

  at(): number {
    if (this.atMs === UNSET) this.atMs = parseInstant(this.facts.at);
    return this.atMs;
  }

  contactClass(): ContactClass {
    if (this.cls === UNSET) this.cls = this.facts.contact.class ?? this.classify(this.facts.contact.source);
    return this.cls;
  }

  contactCountry(): string | undefined {
    if (this.country === UNSET) {
      const stated = this.facts.contact.country;
      this.country = stated ? normaliseCountry(stated) : countryOf[this.facts.jurisdiction];
    }
    return this.country;
  }

  purpose(): Purpose {
    return (
      this.facts.purpose ??
      (this.facts.controller.type === "company" ? "commercial" : "political_communication")
    );
  }

  /** The processor a transfer action names. */
  processor(): Processor | undefined {
    if (this.processorCache === UNSET) {
      const action = this.facts.action;
      this.processorCache =
        action.type === "transfer"
          ? this.facts.processors?.find((p) => p.name === action.processor)
          : undefined;
    }
    return this.processorCache;
  }

  collectedAt(): number | undefined {
    if (this.collected === UNSET) this.collected = optionalInstant(this.facts.contact.collectedAt);
    return this.collected;
  }

  lastMessageAt(): number | undefined {
    if (this.lastMessage === UNSET) this.lastMessage = optionalInstant(this.facts.contact.lastMessageAt);
    return this.lastMessage;
  }

  lastPositiveInteractionAt(): number | undefined {
    if (this.lastPositive === UNSET)
      this.lastPositive = optionalInstant(this.facts.contact.lastPositiveInteractionAt);
    return this.lastPositive;
  }

  objectionInstant(): number | undefined {
    if (this.objectionAt === UNSET) this.objectionAt = optionalInstant(this.facts.contact.objection?.at);
    return this.objectionAt;
  }

  /** Round days (day numbers, ascending); empty without an election. */
  roundDays(): number[] {
    if (this.rounds === UNSET) this.rounds = (this.facts.election?.rounds ?? []).map(dayNumber);
    return this.rounds;
  }

  proclaimedDay(): number | undefined {
    if (this.proclaimed === UNSET) {
      const raw = this.facts.election?.resultsProclaimedAt;
      this.proclaimed = raw
        ? raw.length === 10
          ? dayNumber(raw)
          : zoneDay(this.zone, parseInstant(raw))
        : undefined;
    }
    return this.proclaimed;
  }

  litigationWindowDays(): number | undefined {
    const election = this.facts.election;
    return election ? (election.litigationWindowDays ?? 10) : undefined;
  }

  /** The consent scope the action itself needs, if any. */
  actionScope(): ConsentScope | undefined {
    const action = this.facts.action;
    if (action.type === "contact") return scopeOfChannel[action.channel];
    if (action.type === "enrich") return "social_enrichment";
    if (action.type === "record" && action.category.startsWith("political_opinion")) {
      return "political_opinion_recording";
    }
    return undefined;
  }

  /** ORG-CONSENT-EVIDENCE: evidence, a positive act, not bundled, captured before `at`, not withdrawn by then. */
  isValid(consent: Consent): boolean {
    if (!consent.evidenceRef || consent.evidenceRef.trim() === "") return false;
    if (consent.mechanism === "pre_ticked" || consent.mechanism === "none") return false;
    if (consent.bundled === true) return false;
    const at = this.at();
    if (!(parseInstant(consent.capturedAt) <= at)) return false;
    return !consent.withdrawnAt || parseInstant(consent.withdrawnAt) > at;
  }

  hasConsent(scope: ConsentScope, state: "valid" | "recorded", mechanisms?: readonly Mechanism[]): boolean {
    const bit = scopeBit.get(scope) ?? 0;
    if (!mechanisms) return (this.consentMask(state) & bit) !== 0;
    return (this.facts.contact.consents ?? []).some(
      (c) =>
        c.scope === scope && mechanisms.includes(c.mechanism) && (state === "recorded" || this.isValid(c)),
    );
  }

  private consentMask(state: "valid" | "recorded"): number {
    if (state === "recorded") {
      if (this.recordedMask === UNSET) {
        let mask = 0;
        for (const c of this.facts.contact.consents ?? []) mask |= scopeBit.get(c.scope) ?? 0;
        this.recordedMask = mask;
      }
      return this.recordedMask;
    }
    if (this.validMask === UNSET) {
      let mask = 0;
      for (const c of this.facts.contact.consents ?? [])
        if (this.isValid(c)) mask |= scopeBit.get(c.scope) ?? 0;
      this.validMask = mask;
    }
    return this.validMask;
  }
}
