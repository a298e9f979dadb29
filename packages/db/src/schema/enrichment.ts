import {
  boolean,
  char,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { consents } from "./consents";
import { contacts } from "./contacts";
import { providerEnum } from "./enums";
import { organisations } from "./organisations";
import { at, createdAt, tenantColumns } from "./tenant";

/** Every change of a per-country enrichment switch: who, when, why (invariant 6). */
export const countrySettingChanges = pgTable(
  "country_setting_changes",
  {
    ...tenantColumns(),
    country: char({ length: 2 }).notNull(),
    enrichmentEnabled: boolean().notNull(),
    changedBy: uuid().notNull(),
    justification: text().notNull(),
    /** for French political organisations: the CNIL 2016 position was acknowledged */
    cnil2016Acknowledged: boolean().notNull().default(false),
    changedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index().on(t.orgId, t.country)],
);

/** The organisation's provider allow-list: a job for a provider not on it is refused whole. */
export const providerAllowList = pgTable(
  "provider_allow_list",
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    provider: providerEnum().notNull(),
    allowed: boolean().notNull().default(false),
    changedBy: uuid(),
    changedAt: at(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.provider] })],
);

/**
 * Data the enrichment module fetched. Never overwrites what the person gave (it lives beside the
 * contact, not in it) and always points at the live consent it was fetched under: a trigger refuses a
 * row whose consent is not a live social_enrichment consent of the same contact, and withdrawing that
 * consent (or objecting) deletes the rows in the same transaction.
 */
export const enrichments = pgTable(
  "enrichments",
  {
    ...tenantColumns(),
    contactId: uuid().notNull(),
    consentId: uuid().notNull(),
    provider: providerEnum().notNull(),
    jobId: text(),
    fetchedAt: at().notNull(),
    handle: text(),
    profileUrl: text(),
    photoUrl: text(),
    location: text(),
    bio: text(),
    followers: integer(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ columns: [t.orgId, t.consentId], foreignColumns: [consents.orgId, consents.id] }).onDelete(
      "cascade",
    ),
    index().on(t.orgId, t.contactId, t.provider),
    index().on(t.orgId, t.consentId),
  ],
);
