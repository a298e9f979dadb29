import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { at, createdAt, tenantColumns } from "./tenant";

export const purgePlanStates = ["planned", "approved", "running", "completed", "stopped", "expired"] as const;
export const purgeTargetKinds = ["contact", "provenance", "enrichment"] as const;
export const granularities = ["auto", "derived"] as const;
/** who asked for the plan: a member, or the opt-in nightly retention schedule */
export const purgePlanOrigins = ["operator", "nightly"] as const;

/** A reviewed purge: its frozen targets, exact counts, the policy version and a hash (invariant 7). */
export const purgePlans = pgTable(
  "purge_plans",
  {
    ...tenantColumns(),
    plannedBy: uuid().notNull(),
    plannedAt: createdAt(),
    /** the plan's own time: reasons are re-evaluated as of this instant, never "now" */
    asOf: at().notNull(),
    expiresAt: at().notNull(),
    reasons: text().array().notNull(),
    scope: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    granularity: text({ enum: granularities }).notNull().default("auto"),
    policyVersion: text().notNull(),
    planHash: text().notNull(),
    state: text({ enum: purgePlanStates }).notNull().default("planned"),
    approvedBy: uuid(),
    approvedAt: at(),
    counts: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    samples: jsonb().$type<unknown[]>().notNull().default([]),
    origin: text({ enum: purgePlanOrigins }).notNull().default("operator"),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index().on(t.orgId, t.state)],
);

/** The frozen set: written by INSERT … SELECT at planning, so ids never pass through Node. */
export const purgeTargets = pgTable(
  "purge_targets",
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    planId: uuid().notNull(),
    kind: text({ enum: purgeTargetKinds }).notNull(),
    targetId: uuid().notNull(),
    contactId: uuid().notNull(),
    /** the first of the plan's reasons (in their fixed order) that takes this target */
    reason: text().notNull(),
    /** the first rule id of that reason */
    ruleId: text().notNull(),
    /** every rule id of the plan's reasons that denies this target (or one of a whole contact's rows) */
    ruleIds: text().array().notNull().default([]),
    ordinal: bigint({ mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.planId, t.kind, t.targetId] }),
    index().on(t.orgId, t.planId, t.ordinal),
    index().on(t.orgId, t.contactId),
  ],
);

export const purgeRuns = pgTable(
  "purge_runs",
  {
    ...tenantColumns(),
    planId: uuid().notNull(),
    runBy: uuid().notNull(),
    startedAt: createdAt(),
    finishedAt: at(),
    state: text({ enum: ["running", "completed", "stopped"] })
      .notNull()
      .default("running"),
    /** resume point: every target with a smaller ordinal has been handled */
    lastOrdinal: bigint({ mode: "number" }).notNull().default(0),
    batches: integer().notNull().default(0),
    deleted: integer().notNull().default(0),
    alreadyGone: integer().notNull().default(0),
    stopReason: text(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index().on(t.orgId, t.planId),
    uniqueIndex("purge_runs_one_live_per_plan").on(t.orgId, t.planId).where(sql`state <> 'stopped'`),
  ],
);

/**
 * Rows a plan's reasons would take but a rule escalates (or whose decision is escalate): listed as
 * "needs a human", never deleted by the purge.
 */
export const purgeReviews = pgTable(
  "purge_reviews",
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    planId: uuid().notNull(),
    provenanceId: uuid().notNull(),
    contactId: uuid().notNull(),
    /** the escalating rule ids */
    ruleIds: text().array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.planId, t.provenanceId] })],
);

/** One compact row per erased target: a digest, no personal data. */
export const erasureRecords = pgTable(
  "erasure_records",
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    planId: uuid().notNull(),
    digest: text().notNull(),
    reason: text().notNull(),
    batch: integer().notNull(),
    erasedAt: createdAt(),
  },
  // keyed by batch first, so a batch's records are appended at the index's right edge
  (t) => [primaryKey({ columns: [t.orgId, t.planId, t.batch, t.digest] })],
);

export const purgeCertificates = pgTable(
  "purge_certificates",
  {
    ...tenantColumns(),
    planId: uuid().notNull(),
    runId: uuid().notNull(),
    body: jsonb().$type<Record<string, unknown>>().notNull(),
    signature: text().notNull(),
    publicKey: text().notNull(),
    keyFingerprint: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("purge_certificates_one_per_plan").on(t.orgId, t.planId),
  ],
);
