import { appendAudit, pseudonym } from "@isoloir/audit";
import { type Db, enrichments } from "@isoloir/db";
import { and, count, eq, type SQL } from "drizzle-orm";
import { type ObjectionScope, recordObjection } from "./objections";
import { withdrawConsent } from "./withdraw";

/** A member acting on one contact: who (as their audit pseudonym) and the key contacts are pseudonymised with. */
export interface MemberAction {
  orgId: string;
  contactId: string;
  /** the acting member's audit pseudonym */
  actor: string;
  hmacKey: string;
}

/**
 * Withdraws one consent for a member and audits it (`consent.withdrawn`) with the number of enrichment
 * rows the withdrawal deleted (database triggers delete them with the event). Event and audit entry
 * commit together; withdrawing an already withdrawn consent changes and audits nothing.
 */
export async function withdrawConsentAudited(
  db: Db,
  params: MemberAction & { consentId: string; at?: Date },
): Promise<{ withdrawn: boolean; enrichmentDeleted: number }> {
  return db.transaction(async (tx) => {
    const derived = await derivedRows(tx, params.orgId, eq(enrichments.consentId, params.consentId));
    const withdrawn = await withdrawConsent(tx, params);
    if (!withdrawn) return { withdrawn, enrichmentDeleted: 0 };
    await auditDeletion(tx, params, "consent.withdrawn", derived);
    return { withdrawn, enrichmentDeleted: derived };
  });
}

/**
 * Records an objection for a member and audits it (`objection.recorded`, with its scope) with the number
 * of enrichment rows it deleted (all of the contact's: a database trigger deletes them with the event).
 * Event and audit entry commit together.
 */
export async function recordObjectionAudited(
  db: Db,
  params: MemberAction & { scope: ObjectionScope; at?: Date },
): Promise<{ enrichmentDeleted: number }> {
  return db.transaction(async (tx) => {
    const derived = await derivedRows(tx, params.orgId, eq(enrichments.contactId, params.contactId));
    await recordObjection(tx, params.orgId, params.contactId, params.scope, params.at);
    await auditDeletion(tx, params, "objection.recorded", derived, { scope: params.scope });
    return { enrichmentDeleted: derived };
  });
}

/** Enrichment rows an event is about to delete (the database triggers delete them with the event). */
async function derivedRows(db: Db, orgId: string, which: SQL): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(enrichments)
    .where(and(eq(enrichments.orgId, orgId), which));
  return row?.n ?? 0;
}

/** Audits a withdrawal or objection with the derived data it deleted; the contact as a pseudonym. */
function auditDeletion(
  db: Db,
  params: MemberAction,
  action: string,
  enrichmentDeleted: number,
  details: Record<string, unknown> = {},
) {
  return appendAudit(db, {
    orgId: params.orgId,
    action,
    actor: params.actor,
    target: pseudonym(params.hmacKey, params.orgId, "contact", params.contactId),
    details: { ...details, enrichmentDeleted },
  });
}
