import { consents, type Db } from "@isoloir/db";
import { and, eq, isNull } from "drizzle-orm";
import { ContactNotFoundError } from "./errors";

/**
 * Withdraws one consent of the ledger (invariant 4: it takes effect everywhere at once). A database
 * trigger deletes what enrichment derived under it, in this same transaction. Withdrawing twice keeps
 * the first time. Returns whether this call withdrew it.
 */
export async function withdrawConsent(
  db: Db,
  input: { orgId: string; contactId: string; consentId: string; at?: Date },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [consent] = await tx
      .select({ id: consents.id, withdrawnAt: consents.withdrawnAt })
      .from(consents)
      .where(
        and(
          eq(consents.orgId, input.orgId),
          eq(consents.contactId, input.contactId),
          eq(consents.id, input.consentId),
        ),
      );
    if (!consent) throw new ContactNotFoundError();
    if (consent.withdrawnAt) return false;
    await tx
      .update(consents)
      .set({ withdrawnAt: input.at ?? new Date() })
      .where(
        and(eq(consents.orgId, input.orgId), eq(consents.id, input.consentId), isNull(consents.withdrawnAt)),
      );
    return true;
  });
}
