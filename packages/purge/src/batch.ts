import { type Db, rows, suppressionMerge } from "@isoloir/db";
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { type QueueTables, scrubQueuedWork } from "./queued-work";

/** One batch: the frozen targets with ordinals lo..hi. */
export interface BatchRange {
  orgId: string;
  planId: string;
  lo: number;
  hi: number;
  batch: number;
}

const tally = z.number().int().min(0);

/** What one batch did; the `purge.batch` audit entry carries it, and certificates are summed from it. */
export const BatchTally = z.object({
  targets: tally,
  deleted: tally,
  alreadyGone: tally,
  byReason: z.record(z.string(), z.object({ deleted: tally, alreadyGone: tally })),
  /** rows deleted per table (a whole contact's dependents, then the contact) */
  byTable: z.record(z.string(), tally),
  /** contacts that stay, whose fields brought only by a deleted row were blanked */
  contactsEdited: tally,
  suppressions: tally,
  queuedJobs: tally,
  /** SHA-256 over the batch's erasure digests */
  digest: z.string(),
});
export type BatchTally = z.infer<typeof BatchTally>;

/** A `purge.batch` audit entry's details, as read back: the tally and the batch's number. */
export const BatchEntryDetails = BatchTally.extend({ batch: z.number().int().min(1) });
export type BatchEntryDetails = z.infer<typeof BatchEntryDetails>;

/** A whole contact's dependent tables, as the schema has them today (the run reads the catalog itself). */
export const dependentTables = [
  "contact_assignments",
  "enrichments",
  "objections",
  "consents",
  "provenance",
] as const;

/** Contact fields a provenance row can bring, with their columns and what "gone" is. */
const broughtFields: [string, string, SQL][] = [
  ["firstName", "first_name", sql`''`],
  ["lastName", "last_name", sql`''`],
  ["email", "email", sql`null`],
  ["phone", "phone", sql`null`],
  ["addressLine", "address_line", sql`null`],
  ["postalCode", "postal_code", sql`null`],
  ["city", "city", sql`null`],
  ["country", "country", sql`null`],
  ["birthYear", "birth_year", sql`null`],
  ["birthName", "birth_name", sql`null`],
  ["birthDate", "birth_date", sql`null`],
];

const inRange = (r: BatchRange, kind?: "contact" | "provenance"): SQL =>
  sql`t.org_id = ${r.orgId}::uuid and t.plan_id = ${r.planId}::uuid and t.ordinal between ${r.lo} and ${r.hi}${kind ? sql` and t.kind = ${kind}` : sql``}`;

/**
 * The batch's target ids as an array: `x.col = any(${idsOf(…)})` always probes x's index (the
 * planner cannot cost an array it has not built yet as large), where a join to purge_targets would
 * tempt it into scanning the organisation's whole table each batch.
 */
const idsOf = (r: BatchRange, kind: "contact" | "provenance"): SQL =>
  sql`array(select t.target_id from purge_targets t where ${inRange(r, kind)})`;

/** The batch's targets themselves (found through the ordinal index), to name a deleted row's reason. */
const batchTargets = (r: BatchRange): SQL =>
  sql`(select t.target_id, t.reason from purge_targets t where ${inRange(r)})`;

const count = async (tx: Db, query: SQL): Promise<number> =>
  (await rows<{ n: number }>(tx, query))[0]?.n ?? 0;

/**
 * Every objection of a contact the batch touches (whole or in part, whatever the reason) is on the
 * suppression list before its data goes: one record per identifier HMAC (email, phone, identity) of
 * the objections' scope — `all` if any is, else their channels united — dated by the earliest, merged
 * with the record already there (`suppressionMerge`; an objection recorded since 0009 already has one).
 * Only HMACs stay. Records are never deleted by a purge. Returns the records written or widened.
 */
async function suppressObjectors(tx: Db, r: BatchRange): Promise<number> {
  return count(
    tx,
    sql`with objected as (
      select k.kind, k.hmac, o.all_channels, o.at, ch
      from objections o
      join contacts c on c.org_id = o.org_id and c.id = o.contact_id
      cross join lateral (values ('email', c.email_hmac), ('phone', c.phone_hmac), ('identity', c.identity_hmac)) k(kind, hmac)
      left join lateral unnest(o.channels) as ch on true
      where o.org_id = ${r.orgId}::uuid and k.hmac is not null
        and o.contact_id = any(array(select t.contact_id from purge_targets t where ${inRange(r)}))),
    records as (
      select kind, hmac, bool_or(all_channels) as all_channels, min(at) as at,
        coalesce(array_agg(distinct ch order by ch) filter (where ch is not null), '{}') as channels
      from objected group by kind, hmac),
    s as (
      insert into suppressions (org_id, kind, hmac, all_channels, channels, at, reason)
      select ${r.orgId}::uuid, kind::identifier_kind, hmac, all_channels,
        case when all_channels then '{}'::channel[] else channels end, at, 'objection'::suppression_reason
      from records where all_channels or cardinality(channels) > 0
      ${suppressionMerge} returning 1)
    select count(*)::int as n from s`,
  );
}

/**
 * Single rows: deletes them and, in the same statement, blanks on each contact that stays the fields
 * only its deleted rows brought (never a field another row, or nobody, brought). The statement's
 * snapshot still sees the deleted rows, so "kept" leaves them out explicitly.
 */
async function deleteSingleRows(
  tx: Db,
  r: BatchRange,
): Promise<{ deleted: Record<string, number>; edited: number }> {
  const drop = (field: string) => sql`(${field} = any(g.gone) and not (${field} = any(g.kept)))`;
  const assignments = broughtFields.map(
    ([field, column, gone]) =>
      sql`${sql.identifier(column)} = case when ${drop(field)} then ${gone} else c.${sql.identifier(column)} end`,
  );
  const [row] = await rows<{ deleted: Record<string, number> | null; edited: number }>(
    tx,
    sql`with going as (
      delete from provenance d where d.org_id = ${r.orgId}::uuid and d.id = any(${idsOf(r, "provenance")}) returning d.id, d.contact_id, d.fields),
    gone as materialized (select contact_id, array_agg(distinct f) as fields from going, unnest(fields) f group by contact_id),
    kept as materialized (
      select k.contact_id, array_agg(distinct f) as fields
      from provenance k, unnest(k.fields) f
      where k.org_id = ${r.orgId}::uuid and k.contact_id = any(array(select contact_id from gone))
        and not exists (select 1 from going x where x.id = k.id) group by k.contact_id),
    changes as materialized (
      select g.contact_id, g.fields as gone, coalesce(k.fields, '{}'::text[]) as kept
      from gone g left join kept k on k.contact_id = g.contact_id),
    u as (update contacts c set ${sql.join(assignments, sql`, `)},
        email_hmac = case when ${drop("email")} then null else c.email_hmac end,
        phone_hmac = case when ${drop("phone")} then null else c.phone_hmac end,
        identity_hmac = case when ${drop("birthName")} or ${drop("firstName")} or ${drop("birthDate")} then null else c.identity_hmac end
      from changes g
      where c.org_id = ${r.orgId}::uuid and c.id = any(array(select contact_id from changes)) and c.id = g.contact_id
        and not (g.gone <@ g.kept) returning 1)
    select (select json_object_agg(reason, n) from (
        select t.reason, count(*)::int as n from going d join ${batchTargets(r)} t on t.target_id = d.id group by t.reason) x) as deleted,
      (select count(*)::int from u) as edited`,
  );
  return { deleted: row?.deleted ?? {}, edited: row?.edited ?? 0 };
}

/** Deletes the batch's targets of one kind from `table`, counted per reason. */
async function deleteTargets(
  tx: Db,
  r: BatchRange,
  table: "contacts" | "provenance",
  kind: "contact" | "provenance",
): Promise<Record<string, number>> {
  const list = await rows<{ reason: string; n: number }>(
    tx,
    sql`with d as (
      delete from ${sql.identifier(table)} x where x.org_id = ${r.orgId}::uuid and x.id = any(${idsOf(r, kind)}) returning x.id)
    select t.reason, count(*)::int as n from d join ${batchTargets(r)} t on t.target_id = d.id group by t.reason`,
  );
  return Object.fromEntries(list.map((x) => [x.reason, x.n]));
}

/** Rows each table has lost in this transaction (its statistics count cascaded deletes too). */
async function deletedSoFar(tx: Db, tables: readonly string[]): Promise<Record<string, number>> {
  const pairs = tables.map((t) => sql`${t}::text, pg_stat_get_xact_tuples_deleted(${t}::regclass)`);
  const [row] = await rows<{ d: Record<string, number> }>(
    tx,
    sql`select json_build_object(${sql.join(pairs, sql`, `)}) as d`,
  );
  return row?.d ?? {};
}

/** Counting instead, when the server keeps no statistics (track_counts off): one index-only pass before the delete. */
async function countDependents(
  tx: Db,
  r: BatchRange,
  tables: readonly string[],
): Promise<Record<string, number>> {
  const counts = tables.map(
    (table) =>
      sql`(select count(*)::int from ${sql.identifier(table)} x where x.org_id = ${r.orgId}::uuid and x.contact_id = any((select ids from batch)::uuid[])) as ${sql.identifier(table)}`,
  );
  const [row] = await rows<Record<string, number>>(
    tx,
    sql`with batch as materialized (select ${idsOf(r, "contact")} as ids) select ${sql.join(counts, sql`, `)}`,
  );
  return row ?? {};
}

/**
 * Whole contacts go by one DELETE: the foreign keys' ON DELETE CASCADE removes their dependent rows,
 * as a plain DELETE would, in every table that references them (read from the catalog at the start of
 * the run). The rows each table lost come from the transaction's own statistics.
 */
async function deleteWholeContacts(
  tx: Db,
  r: BatchRange,
  cascades: Cascades,
  byTable: Record<string, number>,
) {
  const counted = cascades.trackCounts ? undefined : await countDependents(tx, r, dependentTables);
  const before = cascades.trackCounts ? await deletedSoFar(tx, cascades.tables) : {};
  const deleted = await deleteTargets(tx, r, "contacts", "contact");
  const after = cascades.trackCounts ? await deletedSoFar(tx, cascades.tables) : (counted ?? {});
  for (const table of cascades.tables) {
    const n = Number(after[table] ?? 0) - Number(before[table] ?? 0);
    if (n > 0) byTable[table] = (byTable[table] ?? 0) + n;
  }
  byTable.contacts = Object.values(deleted).reduce((a, b) => a + b, 0);
  return deleted;
}

export interface Cascades {
  /** every table a contact's deletion cascades to */
  tables: string[];
  /** the server counts rows per table (track_counts), so cascades are counted without scanning */
  trackCounts: boolean;
}

/** The tables the foreign keys cascade a contact's deletion to, transitively, from the catalog. */
export async function contactCascades(db: Db): Promise<Cascades> {
  const list = await rows<{ name: string }>(
    db,
    sql`with recursive dependent(oid) as (
      select c.conrelid from pg_constraint c where c.contype = 'f' and c.confrelid = 'contacts'::regclass and c.confdeltype = 'c'
      union
      select c.conrelid from pg_constraint c join dependent d on c.confrelid = d.oid where c.contype = 'f' and c.confdeltype = 'c')
    select relname::text as name from dependent join pg_class on pg_class.oid = dependent.oid order by 1`,
  );
  const [setting] = await rows<{ on: string }>(db, sql`select current_setting('track_counts') as on`);
  return { tables: list.map((t) => t.name), trackCounts: setting?.on === "on" };
}

/** Writes the batch's erasure records; returns the batch digest over exactly those, and the targets per reason. */
async function recordErasures(
  tx: Db,
  r: BatchRange,
): Promise<{ digest: string; planned: Record<string, number> }> {
  const [row] = await rows<{ digest: string; planned: Record<string, number> | null }>(
    tx,
    sql`with written as (
      insert into erasure_records (org_id, plan_id, digest, reason, batch)
      select t.org_id, t.plan_id, encode(sha256(convert_to(t.plan_id::text || ':' || t.kind || ':' || t.target_id::text, 'UTF8')), 'hex'), t.reason, ${r.batch}
      from purge_targets t where ${inRange(r)}
      returning digest, reason)
    select encode(sha256(convert_to(coalesce(string_agg(digest, E'\n' order by digest collate "C"), ''), 'UTF8')), 'hex') as digest,
      (select json_object_agg(reason, n) from (select reason, count(*)::int as n from written group by reason) x) as planned
    from written`,
  );
  return { digest: row?.digest ?? "", planned: row?.planned ?? {} };
}

/**
 * Deletes what is still there of one batch's targets, with its cascades, suppressions, queued work and
 * erasure records, then drops the handled targets. Runs inside the batch's transaction.
 */
export async function executeBatch(
  tx: Db,
  r: BatchRange,
  queues: QueueTables,
  cascades: Cascades,
): Promise<BatchTally> {
  const suppressions = await suppressObjectors(tx, r);
  const single = await deleteSingleRows(tx, r);
  const byTable: Record<string, number> = {};
  const contactsDeleted = await deleteWholeContacts(tx, r, cascades, byTable);
  byTable.provenance = (byTable.provenance ?? 0) + Object.values(single.deleted).reduce((a, b) => a + b, 0);
  const erased = sql`select t.target_id::text from purge_targets t where ${inRange(r, "contact")}`;
  const queuedJobs = await scrubQueuedWork(tx, r.orgId, erased, queues);
  const { digest, planned } = await recordErasures(tx, r);
  await tx.execute(sql`delete from purge_targets t where ${inRange(r)}`);
  const byReason: BatchTally["byReason"] = {};
  for (const [reason, n] of Object.entries(planned)) {
    const deleted = (single.deleted[reason] ?? 0) + (contactsDeleted[reason] ?? 0);
    byReason[reason] = { deleted, alreadyGone: n - deleted };
  }
  const targets = Object.values(planned).reduce((a, n) => a + n, 0);
  const deleted = Object.values(byReason).reduce((a, b) => a + b.deleted, 0);
  return {
    targets,
    deleted,
    alreadyGone: targets - deleted,
    byReason,
    byTable,
    contactsEdited: single.edited,
    suppressions,
    queuedJobs,
    digest,
  };
}
