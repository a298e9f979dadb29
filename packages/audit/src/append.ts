import { auditHeads, auditLog, type Db } from "@isoloir/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { entryHash, genesisHash } from "./chain";

export const AuditEntry = z.object({
  orgId: z.uuid(),
  action: z.string().min(1).max(80),
  /** a pseudonym (see pseudonym()), never an email or a name */
  actor: z.string().min(1).max(80),
  target: z.string().max(80).nullish(),
  details: z.record(z.string(), z.unknown()).default({}),
});
export type AuditEntry = z.input<typeof AuditEntry>;

/**
 * Appends one entry to the organisation's chain. Appends are serialised per organisation by locking
 * the chain head row FOR UPDATE, so two writers can never both extend the same head.
 */
export async function appendAudit(db: Db, input: AuditEntry): Promise<{ seq: number; hash: string }> {
  const entry = AuditEntry.parse(input);
  return db.transaction(async (tx) => {
    await tx.insert(auditHeads).values({ orgId: entry.orgId, seq: 0, hash: genesisHash }).onConflictDoNothing();
    const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.orgId, entry.orgId)).for("update");
    if (!head) throw new Error("audit chain head missing after insert");
    const fields = {
      orgId: entry.orgId,
      seq: head.seq + 1,
      at: new Date(),
      action: entry.action,
      actor: entry.actor,
      target: entry.target ?? null,
      details: entry.details,
      prevHash: head.hash,
    };
    const hash = entryHash(fields);
    await tx.insert(auditLog).values({ ...fields, hash });
    await tx.update(auditHeads).set({ seq: fields.seq, hash }).where(eq(auditHeads.orgId, entry.orgId));
    return { seq: fields.seq, hash };
  });
}
