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

/**
 * Suppression outlives erasure and purges (invariant 5): only a keyed HMAC, never plaintext, with its
 * scope (`all_channels`, else `channels`) and the date of the earliest objection behind it. One record
 * per identifier: a second objection merges into it (see `suppressionMerge`). No purge deletes one.
 */
export const suppressions = pgTable(
  "suppressions",
  {
    ...tenantColumns(),
    kind: identifierKindEnum().notNull(),
    hmac: text().notNull(),
    allChannels: boolean().notNull().default(true),
    channels: channelEnum().array().notNull().default([]),
    reason: suppressionReasonEnum().notNull(),
    /** the earliest objection (or erasure) behind the record */
    at: at().notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), unique().on(t.orgId, t.kind, t.hmac)],
);

/** A suppression record's scope shrunk by the person's own evidenced opt-in: what was lifted, when, on what evidence. */
export const suppressionLifts = pgTable(
  "suppression_lifts",
  {
    ...tenantColumns(),
    kind: identifierKindEnum().notNull(),
    hmac: text().notNull(),
    /** the record's scope before the lift */
    wasAllChannels: boolean().notNull(),
    wasChannels: channelEnum().array().notNull().default([]),
    /** the channels lifted */
    lifted: channelEnum().array().notNull(),
    at: at().notNull(),
    evidenceRef: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index().on(t.orgId, t.kind, t.hmac)],
);
