import {
  boolean,
  char,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { elections } from "./elections";
import { collectorKindEnum, legalBasisEnum, sourceKindEnum } from "./enums";
import { at, createdAt, tenantColumns } from "./tenant";
import type { DataCategory } from "./vocab";

export const contacts = pgTable(
  "contacts",
  {
    ...tenantColumns(),
    firstName: text().notNull().default(""),
    lastName: text().notNull().default(""),
    /** normaliseEmail() output, or null */
    email: text(),
    /** E.164, or null */
    phone: text(),
    addressLine: text(),
    postalCode: text(),
    city: text(),
    /** ISO 3166-1 alpha-2 */
    country: char({ length: 2 }),
    birthYear: integer(),
    /** the name at birth (nom de naissance), as given */
    birthName: text(),
    /** ISO YYYY-MM-DD; birth_year is its year when it is known */
    birthDate: date(),
    /** keyed HMAC of org id ‖ normalised value; what suppression matches on */
    emailHmac: text(),
    phoneHmac: text(),
    /** keyed HMAC of the identity key (birth name, first names, birth date), when all three are known */
    identityHmac: text(),
    messagesSent: integer().notNull().default(0),
    consentRequestsSent: integer().notNull().default(0),
    lastMessageAt: at(),
    lastPositiveInteractionAt: at(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index().on(t.orgId, t.emailHmac),
    index().on(t.orgId, t.phoneHmac),
    index().on(t.orgId, t.identityHmac),
    index().on(t.orgId, t.lastName, t.firstName),
    index().on(t.orgId, t.email),
    // a purge run re-checks only what changed since its plan
    index().on(t.orgId, t.updatedAt),
  ],
);

/** One row per origin of a contact's data (invariant 3). */
export const provenance = pgTable(
  "provenance",
  {
    ...tenantColumns(),
    contactId: uuid().notNull(),
    /** the contact fields this origin brought */
    fields: text().array().notNull(),
    /** text[] in SQL; written only through the vocabulary's closed list */
    dataCategories: text().array().$type<DataCategory[]>().notNull().default(["identity", "contact"]),
    source: sourceKindEnum().notNull(),
    collectorKind: collectorKindEnum().notNull(),
    /** user id, form id, import id or provider name */
    collectorRef: text().notNull(),
    electionId: uuid(),
    collectedAt: at().notNull(),
    legalBasis: legalBasisEnum().notNull(),
    vendorPoliticalReuseDisclosed: boolean(),
    vendorOptOutOffered: boolean(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ columns: [t.orgId, t.electionId], foreignColumns: [elections.orgId, elections.id] }),
    index().on(t.orgId, t.contactId),
    index().on(t.orgId, t.electionId),
    index().on(t.orgId, t.source),
    // a purge run re-checks only rows that arrived since its plan
    index().on(t.orgId, t.createdAt),
  ],
);
