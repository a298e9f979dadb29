// What an attacker with database access can do, for the tamper-evidence suites: switch the audit
// triggers off for one transaction (a superuser's `session_replication_role = replica`; PGlite and
// PostgreSQL both honour it), recompute hashes — which needs no key — and sign with a key of their own.
import type { Db, DbHandle } from "@isoloir/db";
import { rows } from "@isoloir/db";
import { sql } from "drizzle-orm";
import { auditMacKey, entryHash, entryMac, legacyEntryHash } from "../chain";

export const attackerMacKey = auditMacKey("not the installation's key");

class RolledBack extends Error {}

/** Runs `fn` with the audit triggers off, and rolls everything back; returns what `fn` returned. */
export async function tamperedThenRolledBack<T>(handle: DbHandle, fn: (tx: Db) => Promise<T>): Promise<T> {
  let result: { value: T } | undefined;
  await handle.db
    .transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      result = { value: await fn(tx) };
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  if (!result) throw new Error("the tampering did not run");
  return result.value;
}

/** Runs `fn` with the audit triggers off, and commits. */
export function asAttacker(handle: DbHandle, fn: (tx: Db) => Promise<unknown>): Promise<void> {
  return handle.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await fn(tx);
  });
}

export async function headOf(tx: Db, orgId: string): Promise<{ seq: number; hash: string }> {
  const [row] = await rows<{ seq: string; hash: string }>(
    tx,
    sql`select seq::text, hash from audit_heads where org_id = ${orgId}::uuid`,
  );
  return { seq: Number(row?.seq ?? 0), hash: row?.hash ?? "0".repeat(64) };
}

/**
 * Re-links the chain from entry `from` to its end as a careful attacker would: every prev_hash and
 * hash recomputed (which needs no key), each scheme-2 MAC replaced by one under the attacker's key
 * (or under `macKey`, for an attacker who has the installation's),
 * and the head moved to the end. Three statements.
 */
export async function relink(tx: Db, orgId: string, from: number, macKey = attackerMacKey): Promise<void> {
  const chain = await rows<{
    seq: string;
    scheme: number;
    at_us: string;
    at_ms: string;
    action: string;
    actor: string;
    target: string | null;
    details: string;
    hash: string;
  }>(
    tx,
    sql`select seq::text, scheme, ((extract(epoch from at) * 1000000)::bigint)::text as at_us,
          to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at_ms,
          action, actor, target, details::text as details, hash
        from audit_log where org_id = ${orgId}::uuid order by audit_log.seq -- the number, not the text column
      `,
  );
  let prev = "0".repeat(64);
  let last = 0;
  const updates: ReturnType<typeof sql>[] = [];
  for (const row of chain) {
    const seq = Number(row.seq);
    last = seq;
    if (seq < from) {
      prev = row.hash;
      continue;
    }
    const fields = { orgId, seq, action: row.action, actor: row.actor, target: row.target, prevHash: prev };
    const hash =
      row.scheme === 1
        ? legacyEntryHash({ ...fields, at: new Date(row.at_ms), details: JSON.parse(row.details) })
        : entryHash({ ...fields, atMicros: row.at_us, detailsText: row.details });
    const mac = row.scheme === 1 ? null : entryMac(macKey, hash);
    updates.push(sql`(${seq}::bigint, ${prev}, ${hash}, ${mac})`);
    prev = hash;
  }
  if (updates.length > 0)
    await tx.execute(sql`update audit_log l set prev_hash = v.prev_hash, hash = v.hash, mac = v.mac
      from (values ${sql.join(updates, sql`, `)}) as v(seq, prev_hash, hash, mac)
      where l.org_id = ${orgId}::uuid and l.seq = v.seq`);
  await tx.execute(sql`update audit_heads set seq = ${last}, hash = ${prev} where org_id = ${orgId}::uuid`);
}
