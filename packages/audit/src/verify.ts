import { auditHeads, auditLog, type Db } from "@isoloir/db";
import { and, asc, eq, getTableColumns, gt, type SQL, sql } from "drizzle-orm";
import { entryHash, entryMac, genesisHash, legacyEntryHash, resolveMacKey } from "./chain";

export interface BrokenLink {
  seq: number;
  reason:
    | "hash_mismatch"
    | "mac_mismatch"
    | "prev_hash_mismatch"
    | "seq_gap"
    | "unexpected_seq"
    | "scheme_downgrade"
    | "unknown_scheme"
    | "head_mismatch";
}

export interface ChainReport {
  orgId: string;
  entries: number;
  headHash: string;
  firstBroken?: BrokenLink;
}

export interface VerifyOptions {
  /** the installation's HMAC key; by default the one `openDatabase` installed */
  hmacKey?: string;
}

const pageSize = 2000;

/** The rows of one organisation's log: what `verifyAuditChain` walks and what a listing shows. */
export const auditRowsOf = (orgId: string): SQL => eq(auditLog.orgId, orgId);

const storedRow = {
  ...getTableColumns(auditLog),
  atMicros: sql<string>`((extract(epoch from ${auditLog.at}) * 1000000)::bigint)::text`,
  detailsText: sql<string>`${auditLog.details}::text`,
};
type StoredRow = typeof auditLog.$inferSelect & { atMicros: string; detailsText: string };

/**
 * Walks every row of one organisation's log in `seq` order — whatever its `seq`, so a forged row
 * below 1 is reported, not skipped — and reports the first broken link, if any. Each row is checked
 * by its scheme; a scheme-1 row after the first scheme-2 row is a forgery.
 */
export async function verifyAuditChain(
  db: Db,
  orgId: string,
  options: VerifyOptions = {},
): Promise<ChainReport> {
  const macKey = resolveMacKey(options.hmacKey);
  let prevHash = genesisHash;
  let expectedSeq = 1;
  let sealed = false;
  let after: number | undefined;
  for (;;) {
    const page: StoredRow[] = await db
      .select(storedRow)
      .from(auditLog)
      .where(and(auditRowsOf(orgId), after === undefined ? undefined : gt(auditLog.seq, after)))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const row of page) {
      const broken = checkRow(row, { expectedSeq, prevHash, sealed, macKey });
      if (broken) return { orgId, entries: expectedSeq - 1, headHash: prevHash, firstBroken: broken };
      prevHash = row.hash;
      sealed ||= row.scheme === 2;
      expectedSeq++;
      after = row.seq;
    }
    if (page.length < pageSize) break;
  }
  const [head] = await db.select().from(auditHeads).where(eq(auditHeads.orgId, orgId));
  const entries = expectedSeq - 1;
  const headOk = head ? head.seq === entries && head.hash === prevHash : entries === 0;
  if (!headOk) {
    return {
      orgId,
      entries,
      headHash: prevHash,
      firstBroken: { seq: head?.seq ?? entries, reason: "head_mismatch" },
    };
  }
  return { orgId, entries, headHash: prevHash };
}

function checkRow(
  row: StoredRow,
  at: { expectedSeq: number; prevHash: string; sealed: boolean; macKey: Buffer },
): BrokenLink | undefined {
  if (row.seq < at.expectedSeq) return { seq: row.seq, reason: "unexpected_seq" };
  if (row.seq > at.expectedSeq) return { seq: at.expectedSeq, reason: "seq_gap" };
  if (row.prevHash !== at.prevHash) return { seq: row.seq, reason: "prev_hash_mismatch" };
  if (row.scheme === 1) {
    if (at.sealed) return { seq: row.seq, reason: "scheme_downgrade" };
    const recomputed = legacyEntryHash({
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
  if (row.scheme !== 2) return { seq: row.seq, reason: "unknown_scheme" };
  const recomputed = entryHash({
    orgId: row.orgId,
    seq: row.seq,
    atMicros: row.atMicros,
    action: row.action,
    actor: row.actor,
    target: row.target,
    detailsText: row.detailsText,
    prevHash: row.prevHash,
  });
  if (recomputed !== row.hash) return { seq: row.seq, reason: "hash_mismatch" };
  return row.mac === entryMac(at.macKey, row.hash) ? undefined : { seq: row.seq, reason: "mac_mismatch" };
}
