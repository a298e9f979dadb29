import { sql } from "drizzle-orm";
import {
  boolean,
  char,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { orgKindEnum, roleEnum } from "./enums";

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** The tenant. Not keyed by org_id: it is the org. */
export const organisations = pgTable("organisations", {
  id: uuid().primaryKey().default(sql`gen_random_uuid()`),
  slug: text().notNull().unique(),
  name: text().notNull(),
  kind: orgKindEnum().notNull(),
  country: char({ length: 2 }).notNull(),
  controllerName: text().notNull(),
  controllerAddress: text().notNull().default(""),
  controllerEmail: text().notNull(),
  dpoName: text(),
  dpoEmail: text(),
  fourEyesPurgeApproval: boolean().notNull().default(true),
  /** opt-in: a nightly purge plan for the retention reasons, which waits for approval */
  nightlyRetentionPurge: boolean().notNull().default(false),
  /** four eyes: hours an approver must have held the compliance role before a plan was created */
  fourEyesCoolingOffHours: integer().notNull().default(24),
  createdAt: createdAt(),
});

/** People who sign in. Global: one account may belong to several organisations. */
export const users = pgTable("users", {
  id: uuid().primaryKey().default(sql`gen_random_uuid()`),
  email: text().notNull().unique(),
  name: text().notNull(),
  passwordHash: text().notNull(),
  mustChangePassword: boolean().notNull().default(false),
  platformOperator: boolean().notNull().default(false),
  locale: text().notNull().default("fr"),
  createdAt: createdAt(),
});

export const memberships = pgTable(
  "memberships",
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum().notNull(),
    createdAt: createdAt(),
    /** the member who added them (invited them); null before this was recorded, or seeded */
    addedBy: uuid(),
    /** the member who granted the current role (on acceptance, or a role change) */
    roleGrantedBy: uuid(),
    roleGrantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index().on(t.userId)],
);

/**
 * An invitation to join an organisation with a role: pending until the invitee, signed in as the
 * account with that email, accepts it (before `expiresAt`, once). Nobody is attached before.
 */
export const membershipInvitations = pgTable(
  "membership_invitations",
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    id: uuid().notNull().default(sql`gen_random_uuid()`),
    email: text().notNull(),
    role: roleEnum().notNull(),
    invitedBy: uuid().notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedBy: uuid(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index().on(t.email)],
);

/** Server-side sessions. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    orgId: uuid().references(() => organisations.id, { onDelete: "set null" }),
    csrfToken: text().notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.userId), index().on(t.orgId)],
);

/**
 * Password checks per limiter key (a hash of a client IP, an account, or an account and device) in a
 * fixed window: an attempt is reserved here, in one statement, before its password is hashed.
 */
export const signInThrottle = pgTable("sign_in_throttle", {
  keyHash: text().primaryKey(),
  attempts: integer().notNull().default(0),
  windowStart: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
