import type * as V from "./vocabulary";

// The predicate-tree vocabulary. A tree is plain JSON (no closures), so it can be evaluated in
// memory, compiled to a SQL WHERE over the database projection, explained and diffed. Keep it small:
// fact paths, constants, and a handful of domain helpers with parameters. README.md documents each.

/** Scalar facts and the type of their values. Absent optional facts compare false. */
export interface ScalarFactTypes {
  jurisdiction: V.Jurisdiction;
  "controller.type": V.ControllerType;
  /** internal; default political_communication (commercial for a company controller) */
  purpose: V.Purpose;
  "contact.source": V.Source;
  /** the stated class, else the classification rule's derivation from the source */
  "contact.class": V.ContactClass;
  /** normalised ("UK" → GB); default the jurisdiction's country, none for EU_INSTITUTION */
  "contact.country": string;
  "contact.ageYears": number;
  "contact.suppressed": boolean;
  "contact.messagesSent": number;
  "contact.consentRequestsSent": number;
  "contact.vendorAttestation.politicalReuseDisclosed": boolean;
  "contact.vendorAttestation.optOutOffered": boolean;
  "action.type": V.ActionType;
  "action.channel": V.Channel;
  "action.messageKind": V.MessageKind;
  "action.provider": V.Provider;
  "action.category": V.DataCategory;
  "action.targetPurpose": V.Purpose;
  "action.toThirdParty": boolean;
  /** the processor named by a transfer action */
  "processor.hostingRegion": V.HostingRegion;
  "processor.transferMechanism": V.TransferMechanism;
  "processor.authorizedByController": boolean;
  "processor.art28ContractSigned": boolean;
  "election.type": string;
  /** default 10 */
  "election.litigationWindowDays": number;
  "election.roundCount": number;
  /** internal facts, with the case format's defaults (docs/policy-cases.md) */
  processingRecordEntry: boolean;
  "notice.complete": boolean;
  "notice.published": boolean;
  dpiaDone: boolean;
  "actor.role": V.ActorRole;
  "actor.assigned": boolean;
  "phone.mobile": boolean;
  "phone.doNotCall": boolean;
  "phone.tps": boolean;
  "phone.insideTimeSlot": boolean;
  "message.includesSenderIdentity": boolean;
  "message.includesDataOrigin": boolean;
  "message.includesOptOut": boolean;
  "message.includesNoticeLink": boolean;
  "message.recipientsHidden": boolean;
  paidBoost: boolean;
}
export type ScalarFact = keyof ScalarFactTypes;
export type Scalar = string | number | boolean;

export type NumberFact = {
  [K in ScalarFact]: ScalarFactTypes[K] extends number ? K : never;
}[ScalarFact];

/** List-valued facts. */
export interface ListFactTypes {
  "contact.dataCategories": V.DataCategory;
  /** internal: the data categories an audience or model selects on */
  "audience.selectors": V.DataCategory;
}
export type ListFact = keyof ListFactTypes;

/** Instant-valued facts (ISO timestamps in the case). */
export const instantFacts = [
  "at",
  "contact.collectedAt",
  "contact.lastMessageAt",
  "contact.lastPositiveInteractionAt",
  "contact.objection.at",
] as const;
export type InstantFact = (typeof instantFacts)[number];

/** Facts whose presence can be tested, besides every scalar, list and instant fact. */
export const objectFacts = [
  "election",
  "election.resultsProclaimedAt",
  "contact.vendorAttestation",
  "contact.objection",
] as const;
export type PresenceFact = ScalarFact | ListFact | InstantFact | (typeof objectFacts)[number];

export type CmpOp = "<" | "<=" | ">" | ">=";

/** A calendar day in the jurisdiction's zone. */
export type DayExpr =
  | { kind: "dayOf"; fact: InstantFact }
  /** 1-based round number, or the first or last round */
  | { kind: "round"; index: number | "first" | "last" }
  | { kind: "proclaimed" }
  | { kind: "date"; value: string }
  /** N days and/or months later (negative: earlier); `monthStart` then moves to the 1st of the month */
  | {
      kind: "shift";
      day: DayExpr;
      days?: number;
      daysFact?: "election.litigationWindowDays";
      months?: number;
      monthStart?: boolean;
    };

/** An instant; local wall-clock times are read in the jurisdiction's zone. */
export type InstantExpr =
  | { kind: "at" }
  | { kind: "instant"; fact: InstantFact }
  /** local `time` (HH:MM, default 00:00) on a day */
  | { kind: "dayStart"; day: DayExpr; time?: string }
  /** 00:00 local on the following day: the exclusive end of the day */
  | { kind: "dayEnd"; day: DayExpr };

/** A local day offset and wall-clock time relative to each election round. */
export interface RoundOffset {
  days: number;
  time: string;
}

export type Node =
  | { kind: "and"; nodes: Node[] }
  | { kind: "or"; nodes: Node[] }
  | { kind: "not"; node: Node }
  | { kind: "const"; value: boolean }
  | { kind: "eq"; fact: ScalarFact; value: Scalar }
  | { kind: "in"; fact: ScalarFact; values: Scalar[] }
  /** a list fact contains at least one of the values */
  | { kind: "has"; fact: ListFact; values: string[] }
  | { kind: "cmp"; fact: NumberFact; op: CmpOp; value: number }
  | { kind: "exists"; fact: PresenceFact }
  | { kind: "time"; left: InstantExpr; op: CmpOp; right: InstantExpr }
  /** `at` lies in [round + from, round + to) for some round of the election */
  | { kind: "roundWindow"; from: RoundOffset; to: RoundOffset }
  /**
   * A consent of `scope` ("action": the scope the action itself needs — its channel's scope for a
   * message, social_enrichment for enrich, political_opinion_recording for recording an opinion)
   * that is valid at `at` under ORG-CONSENT-EVIDENCE (state "valid") or merely recorded ("recorded"),
   * optionally given through one of `mechanisms`.
   */
  | {
      kind: "consent";
      scope: V.ConsentScope | "action";
      state: "valid" | "recorded";
      mechanisms?: V.Mechanism[];
    }
  /** an objection made at or before `at` covering the action's channel, or everything */
  | { kind: "objection"; covers: "action-channel" | "all" }
  /** the organisation's enrichment switch for the contact's country is on */
  | { kind: "enrichmentSwitch" };

export type NodeKind = Node["kind"];
export const nodeKinds = [
  "and",
  "or",
  "not",
  "const",
  "eq",
  "in",
  "has",
  "cmp",
  "exists",
  "time",
  "roundWindow",
  "consent",
  "objection",
  "enrichmentSwitch",
] as const satisfies readonly NodeKind[];
