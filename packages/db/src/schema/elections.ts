import { date, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { createdAt, tenantColumns } from "./tenant";

export const elections = pgTable(
  "elections",
  {
    ...tenantColumns(),
    name: text().notNull(),
    /** presidential, legislative, municipal, european, regional, primary, referendum, or a foreign name */
    type: text().notNull(),
    jurisdiction: text().notNull(),
    /** Calendar days in the jurisdiction's zone, in order. */
    rounds: date({ mode: "string" }).array().notNull(),
    resultsProclaimedAt: date({ mode: "string" }),
    litigationWindowDays: integer().notNull().default(10),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index().on(t.orgId, t.type)],
);
