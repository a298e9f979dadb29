// Each protection of the audit log against someone with database access, one test each; the random
// tamperings are in tamper-property.test.ts, anchors in anchor.test.ts.
import { auditLog, type DbHandle, organisations, rows, withTenant } from "@isoloir/db";
import { insertTestOrg, testDatabases } from "@isoloir/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditChains } from "./anchor";
import { appendAudit } from "./append";
import { entryHash, entryMac, legacyEntryHash } from "./chain";
import { asAttacker, attackerMacKey, headOf, tamperedThenRolledBack } from "./testing/attacker";
import { auditRowsOf, type ChainReport, verifyAuditChain } from "./verify";

/** The database's error message behind drizzle's wrapper. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => "no error",
    (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message),
  );

function expectIntact(report: ChainReport, entries: number) {
  expect(report.firstBroken).toBeUndefined();
  expect(report.entries).toBe(entries);
}

describe.each(testDatabases())("audit log protections on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  async function orgWithEntries(n: number, details: (i: number) => Record<string, unknown> = (i) => ({ i })) {
    const org = await insertTestOrg(handle.db);
    for (let i = 1; i <= n; i++)
      await appendAudit(handle.db, {
        orgId: org.id,
        action: "test.event",
        actor: "user:abc",
        details: details(i),
      });
    return org;
  }

  it("refuses UPDATE, DELETE and TRUNCATE of the audit tables, even to their owner", async () => {
    const org = await orgWithEntries(2);
    for (const statement of [
      sql`update audit_log set action = 'x' where org_id = ${org.id}::uuid`,
      sql`delete from audit_log where org_id = ${org.id}::uuid`,
      sql`truncate audit_log`,
      sql`update audit_heads set seq = 1 where org_id = ${org.id}::uuid`,
      sql`update audit_heads set seq = seq + 1 where org_id = ${org.id}::uuid`,
      sql`delete from audit_heads where org_id = ${org.id}::uuid`,
      sql`truncate audit_heads`,
    ])
      expect(await failure(handle.db.execute(statement))).toMatch(/append-only/);
    expect((await verifyAuditChain(handle.db, org.id)).entries).toBe(2);
  });

  it("grants the tenant role no UPDATE, DELETE or TRUNCATE, and no write to the heads; it appends through the trigger", async () => {
    const [privileges] = await rows<Record<string, boolean>>(
      handle.db,
      sql`select
        has_table_privilege('isoloir_tenant', 'audit_log', 'UPDATE') as log_update,
        has_table_privilege('isoloir_tenant', 'audit_log', 'DELETE') as log_delete,
        has_table_privilege('isoloir_tenant', 'audit_log', 'TRUNCATE') as log_truncate,
        has_table_privilege('isoloir_tenant', 'audit_heads', 'INSERT') as heads_insert,
        has_table_privilege('isoloir_tenant', 'audit_heads', 'UPDATE') as heads_update,
        has_table_privilege('isoloir_tenant', 'audit_heads', 'DELETE') as heads_delete,
        has_table_privilege('isoloir_tenant', 'audit_heads', 'TRUNCATE') as heads_truncate`,
    );
    expect(Object.values(privileges ?? {})).toEqual([false, false, false, false, false, false, false]);
    const org = await insertTestOrg(handle.db);
    const other = await insertTestOrg(handle.db);
    await withTenant(handle.db, org.id, async (tx) => {
      await appendAudit(tx, { orgId: org.id, action: "test.tenant", actor: "user:t" });
      await appendAudit(tx, { orgId: org.id, action: "test.tenant", actor: "user:t" });
    });
    expectIntact(await verifyAuditChain(handle.db, org.id), 2);
    expect(
      await failure(
        withTenant(handle.db, org.id, (tx) =>
          tx.execute(sql`delete from audit_log where org_id = ${org.id}::uuid`),
        ),
      ),
    ).toMatch(/permission denied/);
    expect(
      await failure(
        withTenant(handle.db, org.id, (tx) =>
          appendAudit(tx, { orgId: other.id, action: "x", actor: "user:t" }),
        ),
      ),
    ).toMatch(/not this transaction's/);
  });

  it("accepts only the head's successor, with its own hash, sealed with a MAC", async () => {
    const org = await orgWithEntries(2);
    const head = await headOf(handle.db, org.id);
    const row = (over: {
      seq?: number;
      prevHash?: string;
      hash?: string;
      scheme?: number;
      mac?: string | null;
    }) => {
      const seq = over.seq ?? head.seq + 1;
      const prevHash = over.prevHash ?? head.hash;
      const fields = {
        orgId: org.id,
        seq,
        atMicros: "1796690000000000",
        action: "forged",
        actor: "user:f",
        target: null,
        detailsText: "{}",
        prevHash,
      };
      const hash = over.hash ?? entryHash(fields);
      const mac = over.mac === undefined ? entryMac(attackerMacKey, hash) : over.mac;
      return handle.db.execute(sql`insert into audit_log (org_id, seq, at, action, actor, details, prev_hash, hash, scheme, mac)
        values (${org.id}::uuid, ${seq}, '2026-12-08T00:33:20Z', 'forged', 'user:f', '{}', ${prevHash}, ${hash}, ${over.scheme ?? 2}, ${mac})`);
    };
    expect(await failure(row({ seq: head.seq + 2 }))).toMatch(/does not extend its head/);
    expect(await failure(row({ prevHash: "f".repeat(64) }))).toMatch(/does not extend its head/);
    expect(await failure(row({ hash: "e".repeat(64) }))).toMatch(/not its own/);
    expect(await failure(row({ scheme: 1, mac: null }))).toMatch(/scheme 2/);
    expectIntact(await verifyAuditChain(handle.db, org.id), 2);
  });

  it("reports an entry written without the installation's key, though the database accepted it", async () => {
    const org = await orgWithEntries(2);
    const head = await headOf(handle.db, org.id);
    const fields = {
      orgId: org.id,
      seq: head.seq + 1,
      atMicros: "1796690000000000",
      action: "forged",
      actor: "user:f",
      target: null,
      detailsText: "{}",
      prevHash: head.hash,
    };
    const hash = entryHash(fields);
    await handle.db.execute(sql`insert into audit_log (org_id, seq, at, action, actor, details, prev_hash, hash, scheme, mac)
      values (${org.id}::uuid, ${fields.seq}, '2026-12-08T00:33:20Z', 'forged', 'user:f', '{}', ${head.hash}, ${hash}, 2, ${entryMac(attackerMacKey, hash)})`);
    expect((await verifyAuditChain(handle.db, org.id)).firstBroken).toEqual({
      seq: 3,
      reason: "mac_mismatch",
    });
  });

  it("refuses a row with seq below 1 even with the triggers off", async () => {
    const org = await orgWithEntries(1);
    const insert = asAttacker(handle, (tx) =>
      tx.execute(sql`insert into audit_log (org_id, seq, action, actor, prev_hash, hash, scheme, mac)
        values (${org.id}::uuid, 0, 'forged', 'user:f', '', '', 2, '')`),
    );
    expect(await failure(insert)).toMatch(/audit_log_seq_positive/);
  });

  it("lists and verifies the same rows: one below 1 (let in by dropping the constraint) is reported", async () => {
    const org = await orgWithEntries(2);
    const seen = await tamperedThenRolledBack(handle, async (tx) => {
      await tx.execute(sql`alter table audit_log drop constraint audit_log_seq_positive`);
      await tx.execute(sql`insert into audit_log (org_id, seq, action, actor, prev_hash, hash, scheme, mac)
        values (${org.id}::uuid, -1, 'forged', 'user:f', '', '', 2, '')`);
      const listed = await tx.$count(auditLog, auditRowsOf(org.id));
      return { listed, report: await verifyAuditChain(tx, org.id) };
    });
    expect(seen.listed).toBe(3);
    expect(seen.report.firstBroken).toEqual({ seq: -1, reason: "unexpected_seq" });
  });

  it("detects edits below a JavaScript Date's and a double's precision, which the plain hash missed", async () => {
    const org = await orgWithEntries(2, (i) => ({ i, amount: 12.5 }));
    const legacyHashOf = async (tx: typeof handle.db) => {
      const [row] = await tx
        .select()
        .from(auditLog)
        .where(sql`${auditRowsOf(org.id)} and seq = 1`);
      if (!row) throw new Error("no entry 1");
      return legacyEntryHash({ ...row, prevHash: row.prevHash });
    };
    const before = await legacyHashOf(handle.db);
    for (const edit of [
      // within the same millisecond, so that the old hash cannot see it
      sql`at = date_trunc('milliseconds', at) + (999 - extract(microseconds from at)::int % 1000) * interval '1 microsecond'`,
      sql`details = jsonb_set(details, '{amount}', '12.50000000000000000001')`,
    ]) {
      const seen = await tamperedThenRolledBack(handle, async (tx) => {
        await tx.execute(sql`update audit_log set ${edit} where org_id = ${org.id}::uuid and seq = 1`);
        return { legacy: await legacyHashOf(tx), report: await verifyAuditChain(tx, org.id) };
      });
      expect(seen.legacy).toBe(before);
      expect(seen.report.firstBroken).toEqual({ seq: 1, reason: "hash_mismatch" });
    }
  });

  it("keeps an organisation's audit log when the organisation is deleted", async () => {
    const org = await orgWithEntries(3);
    await handle.db.delete(organisations).where(eq(organisations.id, org.id));
    expectIntact(await verifyAuditChain(handle.db, org.id), 3);
    expect(await auditChains(handle.db, org.id)).toEqual([{ orgId: org.id, slug: null }]);
  });
});
