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
  return db.transaction(async (tx) => appendAuditWithin(tx, [entry]));
}

/** The organisation's chain head, locked for the rest of the transaction (created on first use). */
async function lockedHead(tx: Db, orgId: string) {
  const head = () => tx.select().from(auditHeads).where(eq(auditHeads.orgId, orgId)).for("update");
  const [found] = await head();
  if (found) return found;
  await tx.insert(auditHeads).values({ orgId, seq: 0, hash: genesisHash }).onConflictDoNothing();
  const [created] = await head();
  if (!created) throw new Error("audit chain head missing after insert");
  return created;
}

/**
 * Appends entries of one organisation, in order, inside the caller's transaction: they commit or
 * roll back with what they record. Three statements however many entries there are.
 */
export async function appendAuditWithin(
  tx: Db,
  inputs: AuditEntry[],
): Promise<{ seq: number; hash: string }> {
  const entries = inputs.map((e) => AuditEntry.parse(e));
  const orgId = entries[0]?.orgId;
  if (!orgId) throw new Error("appendAuditWithin needs at least one entry");
  if (entries.some((e) => e.orgId !== orgId))
    throw new Error("appendAuditWithin appends to one organisation's chain");
  let { seq, hash } = await lockedHead(tx, orgId);
  const at = new Date();
  const rows = entries.map((entry) => {
    const fields = {
      orgId,
      seq: seq + 1,
      at,
      action: entry.action,
      actor: entry.actor,
      target: entry.target ?? null,
      details: entry.details,
      prevHash: hash,
    };
    seq = fields.seq;
    hash = entryHash(fields);
    return { ...fields, hash };
  });
  await tx.insert(auditLog).values(rows);
  await tx.update(auditHeads).set({ seq, hash }).where(eq(auditHeads.orgId, orgId));
  return { seq, hash };
}
