import { type Db, enrichments } from "@isoloir/db";
import type { CompiledPolicy } from "@isoloir/policy";
import { and, eq, sql } from "drizzle-orm";
import type { EnrichedProfile } from "../providers/types";
import { checkGate, type GateRef, type GateResult } from "./check";

export interface WriteOutcome {
  written: boolean;
  gate: GateResult;
}

/**
 * Locks what an invalidating event would change, so the event and this write serialise: the contact
 * row FOR UPDATE (an objection's foreign-key check waits on it), the consents FOR SHARE (a withdrawal
 * waits), the country switches FOR SHARE (a switch change waits). Whichever commits first wins; if the
 * event did, the gate below sees it; if this write did, the event's triggers delete the row.
 */
async function lockInvalidators(tx: Db, ref: GateRef): Promise<void> {
  await tx.execute(sql`select 1 from contacts where org_id = ${ref.orgId}::uuid and id = ${ref.contactId}::uuid for update`);
  await tx.execute(
    sql`select 1 from consents where org_id = ${ref.orgId}::uuid and contact_id = ${ref.contactId}::uuid and scope = 'social_enrichment' for share`,
  );
  await tx.execute(sql`select 1 from country_settings where org_id = ${ref.orgId}::uuid for share`);
}

/**
 * Writes a looked-up profile, in one transaction that takes the gate again on fresh rows. The values
 * live beside the contact (never over what the person gave), tagged with provider, time and consent;
 * a newer lookup replaces the older one of the same provider.
 */
export async function writeEnrichment(
  db: Db,
  ref: GateRef,
  profile: EnrichedProfile | null,
  options: { jobId?: string; at?: () => Date; rules?: CompiledPolicy } = {},
): Promise<WriteOutcome> {
  const now = options.at ?? (() => new Date());
  return db.transaction(async (tx) => {
    await lockInvalidators(tx, ref);
    const gate = await checkGate(tx, ref, now(), options.rules);
    if (!gate.allowed || !gate.consentId) return { written: false, gate };
    await tx
      .delete(enrichments)
      .where(
        and(eq(enrichments.orgId, ref.orgId), eq(enrichments.contactId, ref.contactId), eq(enrichments.provider, ref.provider)),
      );
    await tx.insert(enrichments).values({
      orgId: ref.orgId,
      contactId: ref.contactId,
      consentId: gate.consentId,
      provider: ref.provider,
      jobId: options.jobId ?? null,
      fetchedAt: now(),
      handle: profile?.handle ?? null,
      profileUrl: profile?.profileUrl ?? null,
      photoUrl: profile?.photoUrl ?? null,
      location: profile?.location ?? null,
      bio: profile?.bio ?? null,
      followers: profile?.followers ?? null,
    });
    return { written: true, gate };
  });
}
