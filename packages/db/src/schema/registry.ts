import { boolean, char, foreignKey, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { hostingRegionEnum, transferMechanismEnum } from "./enums";
import { organisations } from "./organisations";
import { at, createdAt, tenantColumns } from "./tenant";

/** Per organisation × country switches. Every switch starts off (invariant 6). */
export const countrySettings = pgTable(
  "country_settings",
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    country: char({ length: 2 }).notNull(),
    enrichmentEnabled: boolean().notNull().default(false),
    changedBy: uuid(),
    changedAt: at(),
    justification: text(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.country] })],
);

/** Processors and sub-processors (GDPR art. 28), with where they host and on what transfer ground. */
export const processors = pgTable(
  "processors",
  {
    ...tenantColumns(),
    name: text().notNull(),
    purpose: text().notNull(),
    hostingRegion: hostingRegionEnum().notNull(),
    transferMechanism: transferMechanismEnum().notNull(),
    authorised: boolean().notNull().default(false),
    art28ContractSigned: boolean().notNull().default(false),
    parentId: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.parentId], foreignColumns: [t.orgId, t.id] }),
    index().on(t.orgId, t.parentId),
  ],
);
