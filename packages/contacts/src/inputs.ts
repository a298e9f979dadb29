import {
  collectorKinds,
  consentMechanisms,
  consentScopes,
  dataCategories,
  legalBases,
  sourceKinds,
} from "@isoloir/db";
import { normaliseCountry } from "@isoloir/policy/vocabulary";
import { z } from "zod";

export const Identity = z
  .object({
    firstName: z.string().trim().max(200).optional(),
    lastName: z.string().trim().max(200).optional(),
    email: z.string().trim().max(320).optional(),
    phone: z.string().trim().max(40).optional(),
    addressLine: z.string().trim().max(500).optional(),
    postalCode: z.string().trim().max(20).optional(),
    city: z.string().trim().max(200).optional(),
    country: z.string().length(2).transform(normaliseCountry).optional(),
    birthYear: z.number().int().min(1900).max(2100).optional(),
    /** the name at birth; with `firstName` (all first names) and `birthDate`, the identity key */
    birthName: z.string().trim().max(200).optional(),
    /** ISO YYYY-MM-DD; gives `birthYear` */
    birthDate: z.iso.date().optional(),
  })
  .strict();
export type Identity = z.infer<typeof Identity>;

export const ProvenanceInput = z
  .object({
    source: z.enum(sourceKinds),
    collectorKind: z.enum(collectorKinds),
    collectorRef: z.string().min(1).max(200),
    electionId: z.uuid().optional(),
    collectedAt: z.coerce.date(),
    legalBasis: z.enum(legalBases),
    dataCategories: z.array(z.enum(dataCategories)).default(["identity", "contact"]),
    vendorPoliticalReuseDisclosed: z.boolean().optional(),
    vendorOptOutOffered: z.boolean().optional(),
  })
  .strict();
export type ProvenanceInput = z.input<typeof ProvenanceInput>;

export const ConsentInput = z
  .object({
    scope: z.enum(consentScopes),
    mechanism: z.enum(consentMechanisms),
    capturedAt: z.coerce.date(),
    withdrawnAt: z.coerce.date().optional(),
    evidenceRef: z.string().min(1).max(300).optional(),
    noticeId: z.uuid().optional(),
    bundled: z.boolean().default(false),
  })
  .strict();
export type ConsentInput = z.input<typeof ConsentInput>;
