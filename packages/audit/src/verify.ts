import { auditHeads, auditLog, type Db } from "@isoloir/db";
import { and, asc, eq, gt } from "drizzle-orm";
import { entryHash, genesisHash } from "./chain";

export interface BrokenLink {
  seq: number;
  reason: "hash_mismatch" | "prev_hash_mismatch" | "seq_gap" | "head_mismatch";
}

export interface ChainReport {
  orgId: string;
  entries: number;
  headHash: string;
  firstBroken?: BrokenLink;
}

const pageSize = 2000;

/** Walks one organisation's chain in order and reports the first broken link, if any. */
export async function verifyAuditChain(db: Db, orgId: string): Promise<ChainReport> {
  let prevHash = genesisHash;
  let expectedSeq = 1;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgId), gt(auditLog.seq, expectedSeq - 1)))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const row of page) {
      const broken = checkRow(row, expectedSeq, prevHash);
      if (broken) return { orgId, entries: expectedSeq - 1, headHash: prevHash, firstBroken: broken };
      prevHash = row.hash;
      expectedSeq++;
    }
    if (page.length < pageSize) break;
  }
  const [head] = await db.select().from(auditHeads).where(eq(auditHeads.orgId, orgId));
  const entries = expectedSeq - 1;
  if (head && (head.seq !== entries || head.hash !== prevHash)) {
    return { orgId, entries, headHash: prevHash, firstBroken: { seq: head.seq, reason: "head_mismatch" } };
  }
  return { orgId, entries, headHash: prevHash };
}

function checkRow(
  row: typeof auditLog.$inferSelect,
  expectedSeq: number,
  prevHash: string,
): BrokenLink | undefined {
  if (row.seq !== expectedSeq) return { seq: expectedSeq, reason: "seq_gap" };
  if (row.prevHash !== prevHash) return { seq: row.seq, reason: "prev_hash_mismatch" };
  const recomputed = entryHash({
    orgId: row.orgId,
    seq: row.seq,
    at: row.at,
    action: row.action,
    actor: row.actor,
    target: row.target,
    details: row.details,
    prevHash: row.prevHash,
  });
  return recomputed === row.hash ? undefined : { seq: row.seq, reason: "hash_mismatch" };
}
