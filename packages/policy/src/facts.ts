import { z } from "zod";
import * as V from "./vocabulary";

// The case format of docs/policy-cases.md. Every object is strict: an unknown or misspelt
// field is an error that names its path.

const instant = z.iso.datetime({ offset: true });
const day = z.iso.date();
const dayOrInstant = z.union([day, instant]);
const count = z.number().int().min(0);

export const Consent = z.strictObject({
  scope: z.enum(V.consentScopes),
  mechanism: z.enum(V.mechanisms),
  capturedAt: instant,
  withdrawnAt: instant.nullable().optional(),
  evidenceRef: z.string().optional(),
  bundled: z.boolean().optional(),
});
export type Consent = z.infer<typeof Consent>;

export const Objection = z.strictObject({
  at: instant,
  scope: z.union([z.literal("all"), z.enum(V.channels), z.array(z.enum(V.channels))]),
});
export type Objection = z.infer<typeof Objection>;

export const VendorAttestation = z.strictObject({
  politicalReuseDisclosed: z.boolean(),
  optOutOffered: z.boolean(),
});
export type VendorAttestation = z.infer<typeof VendorAttestation>;

export const Contact = z.strictObject({
  source: z.enum(V.sources),
  class: z.enum(V.contactClasses).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "an ISO 3166-1 alpha-2 country code")
    .optional(),
  ageYears: z.number().int().min(0).max(150).optional(),
  consents: z.array(Consent).optional(),
  objection: Objection.optional(),
  suppressed: z.boolean().optional(),
  vendorAttestation: VendorAttestation.optional(),
  dataCategories: z.array(z.enum(V.dataCategories)).optional(),
  messagesSent: count.optional(),
  consentRequestsSent: count.optional(),
  collectedAt: instant.optional(),
  lastMessageAt: instant.nullable().optional(),
  lastPositiveInteractionAt: instant.nullable().optional(),
});
export type Contact = z.infer<typeof Contact>;

export const Election = z.strictObject({
  type: z.string().min(1),
  rounds: z
    .array(day)
    .min(1)
    .refine(
      (rounds) => rounds.every((r, i) => i === 0 || (rounds[i - 1] ?? "") < r),
      "rounds must be in ascending order",
    ),
  resultsProclaimedAt: dayOrInstant.optional(),
  litigationWindowDays: count.optional(),
});
export type Election = z.infer<typeof Election>;

export const Processor = z.strictObject({
  name: z.string().min(1),
  hostingRegion: z.enum(V.hostingRegions),
  transferMechanism: z.enum(V.transferMechanisms),
  authorizedByController: z.boolean(),
  art28ContractSigned: z.boolean(),
});
export type Processor = z.infer<typeof Processor>;

export const ContactAction = z.strictObject({
  type: z.literal("contact"),
  channel: z.enum(V.channels),
  messageKind: z.enum(V.messageKinds),
});
export const CaseAction = z.discriminatedUnion("type", [
  ContactAction,
  z.strictObject({ type: z.literal("enrich"), provider: z.enum(V.providers) }),
  z.strictObject({ type: z.literal("import") }),
  z.strictObject({ type: z.literal("retain") }),
  z.strictObject({ type: z.literal("record"), category: z.enum(V.dataCategories) }),
  z.strictObject({ type: z.literal("transfer"), processor: z.string().min(1) }),
]);
export type CaseAction = z.infer<typeof CaseAction>;

export const Settings = z.strictObject({
  enrichment: z
    .record(z.string().regex(/^[A-Za-z]{2}$/, "an ISO 3166-1 alpha-2 country code"), z.boolean())
    .optional(),
});
export type Settings = z.infer<typeof Settings>;

const factsShape = {
  at: instant,
  jurisdiction: z.enum(V.jurisdictions),
  controller: z.strictObject({ type: z.enum(V.controllerTypes) }),
  election: Election.optional(),
  settings: Settings.optional(),
  contact: Contact,
  processors: z.array(Processor).optional(),
};

function transferNamesAProcessor(
  facts: { action: { type: string; processor?: string }; processors?: { name: string }[] | undefined },
  ctx: z.RefinementCtx,
): void {
  const { action } = facts;
  if (action.type !== "transfer") return;
  if (!(facts.processors ?? []).some((p) => p.name === action.processor)) {
    ctx.addIssue({
      code: "custom",
      path: ["action", "processor"],
      message: `no processor named "${action.processor}" in processors`,
    });
  }
}

/** The facts of one decision, as a case file states them. */
export const Facts = z
  .strictObject({ ...factsShape, action: CaseAction })
  .superRefine(transferNamesAProcessor);
export type Facts = z.infer<typeof Facts>;

export const Expectation = z.strictObject({
  decision: z.enum(V.decisions),
  rules: z.array(z.string().min(1)).optional(),
  obligations: z.array(z.enum(V.obligations)).optional(),
});
export type Expectation = z.infer<typeof Expectation>;

/** A case file: facts, a name and (for `policy check`) the expected verdict. */
export const PolicyCase = z
  .strictObject({
    name: z.string().min(1),
    ...factsShape,
    action: CaseAction,
    expect: Expectation.optional(),
  })
  .superRefine(transferNamesAProcessor);
export type PolicyCase = z.infer<typeof PolicyCase>;

// ---- Engine-only facts: what a case cannot state, with the format's defaults ---------------------

export const MessageContent = z.strictObject({
  includesSenderIdentity: z.boolean().optional(),
  includesDataOrigin: z.boolean().optional(),
  includesOptOut: z.boolean().optional(),
  includesNoticeLink: z.boolean().optional(),
  recipientsHidden: z.boolean().optional(),
});
export type MessageContent = z.infer<typeof MessageContent>;

export const ExportAction = z.strictObject({
  type: z.literal("export"),
  targetPurpose: z.enum(V.purposes),
  toThirdParty: z.boolean().optional(),
});
export type ExportAction = z.infer<typeof ExportAction>;

export const EngineAction = z.union([CaseAction, ExportAction]);
export type EngineAction = z.infer<typeof EngineAction>;

/**
 * The engine's facts: the case format plus optional internal facts. Each internal fact defaults as
 * docs/policy-cases.md says ("Facts a case cannot state"), never to "absent means false".
 */
export const EngineFacts = z
  .strictObject({
    ...factsShape,
    action: EngineAction,
    /** default: political_communication (commercial for a company controller) */
    purpose: z.enum(V.purposes).optional(),
    /** default: true */
    processingRecordEntry: z.boolean().optional(),
    /** default: complete and published */
    notice: z
      .strictObject({ complete: z.boolean().optional(), published: z.boolean().optional() })
      .optional(),
    /** default: true */
    dpiaDone: z.boolean().optional(),
    /** default: staff, and the contact is on the actor's assigned lists */
    actor: z
      .strictObject({ role: z.enum(V.actorRoles).optional(), assigned: z.boolean().optional() })
      .optional(),
    /** default: a mobile, on no do-not-call list nor the TPS, inside the agreed time slot */
    phone: z
      .strictObject({
        mobile: z.boolean().optional(),
        doNotCall: z.boolean().optional(),
        tps: z.boolean().optional(),
        insideTimeSlot: z.boolean().optional(),
      })
      .optional(),
    /** default: unknown (the engine answers with obligations) */
    message: MessageContent.optional(),
    /** default: false */
    paidBoost: z.boolean().optional(),
    /** the data categories an audience or model selects on; default none */
    audience: z.strictObject({ selectors: z.array(z.enum(V.dataCategories)) }).optional(),
  })
  .superRefine(transferNamesAProcessor);
export type EngineFacts = z.infer<typeof EngineFacts>;
