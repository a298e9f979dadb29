import { boolean, foreignKey, index, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { contacts } from "./contacts";
import {
  channelEnum,
  consentMechanismEnum,
  consentScopeEnum,
  identifierKindEnum,
  suppressionReasonEnum,
} from "./enums";
import { at, createdAt, tenantColumns } from "./tenant";

/** Versioned notice texts; a consent points at the exact one shown. */
export const notices = pgTable(
  "notices",
  {
    ...tenantColumns(),
    version: text().notNull(),
    language: text().notNull().default("fr"),
    text: text().notNull(),
    /** SHA-256 of text */
    hash: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), unique().on(t.orgId, t.version, t.language)],
);

/** The consent ledger (invariant 4): purpose × channel scopes, never a flag. */
export const consents = pgTable(
  "consents",
  {
    ...tenantColumns(),
    contactId: uuid().notNull(),
    scope: consentScopeEnum().notNull(),
    mechanism: consentMechanismEnum().notNull(),
    capturedAt: at().notNull(),
    withdrawnAt: at(),
    evidenceRef: text(),
    noticeId: uuid(),
    bundled: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ columns: [t.orgId, t.noticeId], foreignColumns: [notices.orgId, notices.id] }),
    index().on(t.orgId, t.contactId, t.scope),
    index().on(t.orgId, t.noticeId),
  ],
);

/** Objections: scope all, or a list of channels. */
export const objections = pgTable(
  "objections",
  {
    ...tenantColumns(),
    contactId: uuid().notNull(),
    allChannels: boolean().notNull(),
    channels: channelEnum().array().notNull().default([]),
    at: at().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }).onDelete(
      "cascade",
    ),
    index().on(t.orgId, t.contactId),
    // a purge run re-checks only what changed since its plan
    index().on(t.orgId, t.createdAt),
  ],
);

/** Suppression outlives erasure (invariant 5): only a keyed HMAC, never plaintext. */
export const suppressions = pgTable(
  "suppressions",
  {
    ...tenantColumns(),
    kind: identifierKindEnum().notNull(),
    hmac: text().notNull(),
    allChannels: boolean().notNull().default(true),
    channels: channelEnum().array().notNull().default([]),
    reason: suppressionReasonEnum().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), unique().on(t.orgId, t.kind, t.hmac)],
);
