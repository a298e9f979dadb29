import { sql } from "drizzle-orm";
import { bigint, check, jsonb, pgTable, primaryKey, smallint, text, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./tenant";

/**
 * Append-only, hash-chained (invariant 8). Actors and targets are pseudonyms, never raw PII.
 * `org_id` references no organisation on purpose: deleting an organisation keeps its audit log.
 * Rows are written only through the `audit_log_append` trigger (migration 0011), which refuses
 * anything but the head's successor; UPDATE, DELETE and TRUNCATE are refused for every role.
 * `scheme` 1: the plain hash of rows written before 0011; 2: the hash of the stored row plus `mac`,
 * an HMAC under a key derived from the installation's HMAC key (never stored in the database).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    orgId: uuid().notNull(),
    seq: bigint({ mode: "number" }).notNull(),
    at: createdAt(),
    action: text().notNull(),
    actor: text().notNull(),
    target: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text().notNull(),
    hash: text().notNull(),
    scheme: smallint().notNull().default(2),
    mac: text(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.seq] }),
    check("audit_log_seq_positive", sql`${t.seq} >= 1`),
    check("audit_log_scheme_known", sql`${t.scheme} in (1, 2)`),
    check("audit_log_mac_by_scheme", sql`(${t.scheme} = 1) = (${t.mac} is null)`),
  ],
);

/** One row per organisation: the chain head, locked FOR UPDATE to serialise appends. */
export const auditHeads = pgTable("audit_heads", {
  orgId: uuid().primaryKey(),
  seq: bigint({ mode: "number" }).notNull().default(0),
  hash: text().notNull(),
});
