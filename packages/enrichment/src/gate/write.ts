import { type AuditEntry, appendAuditWithin } from "@isoloir/audit";
import { type Db, enrichments, uuidArray } from "@isoloir/db";
import type { CompiledPolicy } from "@isoloir/policy";
import { and, eq, or, sql } from "drizzle-orm";
import type { EnrichedProfile } from "../providers/types";
import { checkGates, type GateRef, type GateResult } from "./check";

export interface WriteOutcome {
  written: boolean;
  gate: GateResult;
}

export interface WriteItem {
  ref: GateRef;
  profile: EnrichedProfile | null;
  /** the audit entry of the provider call that produced the profile: it commits with the write */
  audit?: AuditEntry;
}

export interface WriteOptions {
  jobId?: string;
  at?: () => Date;
  rules?: CompiledPolicy;
}

/**
 * Locks what an invalidating event would change, so the event and this write serialise: the contact
 * rows FOR UPDATE (an objection's foreign-key check waits on them), their consents FOR SHARE (a
 * withdrawal waits), the country switches FOR SHARE (a switch change waits). Whichever commits first
 * wins; if the event did, the gate below sees it; if this write did, the event's triggers delete the
 * rows. One statement, rows taken in id order so that two batches cannot deadlock each other.
 */
async function lockInvalidators(tx: Db, orgId: string, contactIds: string[]): Promise<void> {
  const ids = uuidArray(contactIds);
  await tx.execute(sql`with
    locked_contacts as (select 1 from contacts where org_id = ${orgId}::uuid and id = any(${ids}) order by id for update),
    locked_consents as (select 1 from consents where org_id = ${orgId}::uuid and contact_id = any(${ids})
      and scope = 'social_enrichment' order by id for share),
    locked_switches as (select 1 from country_settings where org_id = ${orgId}::uuid order by country for share)
    select (select count(*) from locked_contacts) as contacts, (select count(*) from locked_consents) as consents,
      (select count(*) from locked_switches) as switches`);
}

const sameRow = (ref: GateRef) =>
  and(eq(enrichments.contactId, ref.contactId), eq(enrichments.provider, ref.provider));

/**
 * Writes looked-up profiles of one organisation in one transaction that takes the gate again on fresh
 * rows, per contact. The values live beside the contact (never over what the person gave), tagged with
 * provider, time and consent; a newer lookup replaces the older one of the same provider. The calls'
 * audit entries commit in the same transaction, whether or not the gate still passed.
 */
export async function writeEnrichments(
  db: Db,
  items: readonly WriteItem[],
  options: WriteOptions = {},
): Promise<WriteOutcome[]> {
  const orgId = items[0]?.ref.orgId;
  if (!orgId) return [];
  const now = options.at ?? (() => new Date());
  return db.transaction(async (tx) => {
    await lockInvalidators(tx, orgId, [...new Set(items.map((i) => i.ref.contactId))].sort());
    const gates = await checkGates(
      tx,
      items.map((i) => i.ref),
      now(),
      options.rules,
    );
    const passed = items.filter((_, i) => gates[i]?.allowed && gates[i]?.consentId);
    // of two lookups of the same contact and provider in one batch, the later one is kept
    const latest = [
      ...new Map(passed.map((item) => [`${item.ref.contactId}/${item.ref.provider}`, item])).values(),
    ];
    if (latest.length > 0) {
      await tx
        .delete(enrichments)
        .where(and(eq(enrichments.orgId, orgId), or(...latest.map((i) => sameRow(i.ref)))));
      const fetchedAt = now();
      await tx
        .insert(enrichments)
        .values(latest.map((item) => row(item, gates[items.indexOf(item)], options.jobId, fetchedAt)));
    }
    const audits = items.flatMap((i) => (i.audit ? [i.audit] : []));
    if (audits.length > 0) await appendAuditWithin(tx, audits);
    return items.map((item, i) => ({ written: passed.includes(item), gate: gates[i] as GateResult }));
  });
}

function row(item: WriteItem, gate: GateResult | undefined, jobId: string | undefined, fetchedAt: Date) {
  const { ref, profile } = item;
  if (!gate?.consentId) throw new Error("a row is written only under the live consent its gate found");
  return {
    orgId: ref.orgId,
    contactId: ref.contactId,
    consentId: gate.consentId,
    provider: ref.provider,
    jobId: jobId ?? null,
    fetchedAt,
    handle: profile?.handle ?? null,
    profileUrl: profile?.profileUrl ?? null,
    photoUrl: profile?.photoUrl ?? null,
    location: profile?.location ?? null,
    bio: profile?.bio ?? null,
    followers: profile?.followers ?? null,
  };
}

/** One looked-up profile, written as `writeEnrichments` writes a batch. */
export async function writeEnrichment(
  db: Db,
  ref: GateRef,
  profile: EnrichedProfile | null,
  options: WriteOptions = {},
): Promise<WriteOutcome> {
  const [outcome] = await writeEnrichments(db, [{ ref, profile }], options);
  if (!outcome) throw new Error("writeEnrichments returned no outcome for its one item");
  return outcome;
}
