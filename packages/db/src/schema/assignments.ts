import { foreignKey, index, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { contacts } from "./contacts";
import { users } from "./organisations";
import { createdAt } from "./tenant";

/** A volunteer's assigned call or door lists: the only contacts a volunteer may read. */
export const contactAssignments = pgTable(
  "contact_assignments",
  {
    orgId: uuid().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    contactId: uuid().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId, t.contactId] }),
    foreignKey({ columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }).onDelete(
      "cascade",
    ),
    index().on(t.orgId, t.contactId),
    index().on(t.userId),
  ],
);
