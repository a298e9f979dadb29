import type * as V from "./vocabulary";

type Of<T extends readonly string[]> = T[number];

export interface GeneratedConsent {
  scope: Of<typeof V.scopes>;
  mechanism: Of<typeof V.mechanisms>;
  capturedAt: string;
  withdrawnAt?: string | null;
  evidenceRef?: string;
  bundled?: boolean;
}

export type GeneratedAction =
  | { type: "contact"; channel: Of<typeof V.channels>; messageKind: Of<typeof V.messageKinds> }
  | { type: "enrich"; provider: Of<typeof V.providers> }
  | { type: "import" }
  | { type: "retain" }
  | { type: "record"; category: Of<typeof V.categories> }
  | { type: "transfer"; processor: string };

/** Facts in the case format of docs/policy-cases.md (without name and expect). */
export interface GeneratedFacts {
  at: string;
  jurisdiction: Of<typeof V.jurisdictions>;
  controller: { type: Of<typeof V.controllerTypes> };
  election?: { type: string; rounds: string[]; resultsProclaimedAt?: string; litigationWindowDays?: number };
  settings?: { enrichment: Record<string, boolean> };
  contact: {
    source: Of<typeof V.sources>;
    class?: Of<typeof V.classes>;
    country?: string;
    ageYears?: number;
    consents?: GeneratedConsent[];
    objection?: { at: string; scope: "all" | Of<typeof V.channels> | Of<typeof V.channels>[] };
    suppressed?: boolean;
    vendorAttestation?: { politicalReuseDisclosed: boolean; optOutOffered: boolean };
    dataCategories?: Of<typeof V.categories>[];
    messagesSent?: number;
    consentRequestsSent?: number;
    collectedAt?: string;
    lastMessageAt?: string | null;
    lastPositiveInteractionAt?: string | null;
  };
  processors?: {
    name: string;
    hostingRegion: Of<typeof V.hostingRegions>;
    transferMechanism: Of<typeof V.transferMechanisms>;
    authorizedByController: boolean;
    art28ContractSigned: boolean;
  }[];
  action: GeneratedAction;
}
