import { sql } from "drizzle-orm";
import { timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";

/** Every tenant table starts with these: org_id (first column of every key) and a row id. */
export const tenantColumns = () => ({
  orgId: uuid()
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  id: uuid().notNull().default(sql`gen_random_uuid()`),
});

export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const at = () => timestamp({ withTimezone: true });
