import { bigint, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { createdAt } from "./tenant";

/** Append-only, hash-chained (invariant 8). Actors and targets are pseudonyms, never raw PII. */
export const auditLog = pgTable(
  "audit_log",
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    seq: bigint({ mode: "number" }).notNull(),
    at: createdAt(),
    action: text().notNull(),
    actor: text().notNull(),
    target: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.seq] })],
);

/** One row per organisation: the chain head, locked FOR UPDATE to serialise appends. */
export const auditHeads = pgTable("audit_heads", {
  orgId: uuid()
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  seq: bigint({ mode: "number" }).notNull().default(0),
  hash: text().notNull(),
});
