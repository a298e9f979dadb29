import { auditLog, type Db, type DbHandle } from "@isoloir/db";
import { insertTestOrg, testDatabases } from "@isoloir/db/testing";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit, appendAuditWithin } from "./append";
import { pseudonym } from "./pseudonym";
import { verifyAuditChain } from "./verify";

describe.each(testDatabases())("audit chain on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  async function orgWithEntries(n: number) {
    const org = await insertTestOrg(handle.db);
    for (let i = 0; i < n; i++) {
      await appendAudit(handle.db, {
        orgId: org.id,
        action: "test.event",
        actor: "user:abc",
        details: { i },
      });
    }
    return org;
  }

  it("verifies an untouched chain", async () => {
    const org = await orgWithEntries(5);
    const report = await verifyAuditChain(handle.db, org.id);
    expect(report).toMatchObject({ entries: 5 });
    expect(report.firstBroken).toBeUndefined();
  });

  /** As a superuser who switches the audit triggers off for one transaction. */
  const asAttacker = (fn: (tx: Db) => Promise<unknown>) =>
    handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await fn(tx);
    });

  it("reports the first tampered entry", async () => {
    const org = await orgWithEntries(5);
    await asAttacker((tx) =>
      tx
        .update(auditLog)
        .set({ details: { i: 99 } })
        .where(and(eq(auditLog.orgId, org.id), eq(auditLog.seq, 3))),
    );
    const report = await verifyAuditChain(handle.db, org.id);
    expect(report.firstBroken).toEqual({ seq: 3, reason: "hash_mismatch" });
  });

  it("reports a deleted entry as a gap", async () => {
    const org = await orgWithEntries(4);
    await asAttacker((tx) => tx.delete(auditLog).where(and(eq(auditLog.orgId, org.id), eq(auditLog.seq, 2))));
    const report = await verifyAuditChain(handle.db, org.id);
    expect(report.firstBroken).toEqual({ seq: 2, reason: "seq_gap" });
  });

  it("reports a truncated tail against the head", async () => {
    const org = await orgWithEntries(4);
    await asAttacker((tx) => tx.delete(auditLog).where(and(eq(auditLog.orgId, org.id), eq(auditLog.seq, 4))));
    const report = await verifyAuditChain(handle.db, org.id);
    expect(report.firstBroken?.reason).toBe("head_mismatch");
  });

  it("keeps one unbroken chain under concurrent appends", async () => {
    const org = await insertTestOrg(handle.db);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendAudit(handle.db, { orgId: org.id, action: "test.concurrent", actor: "user:x", details: { i } }),
      ),
    );
    const report = await verifyAuditChain(handle.db, org.id);
    expect(report).toMatchObject({ entries: 20 });
    expect(report.firstBroken).toBeUndefined();
    const seqs = await handle.db.execute(
      sql`select count(distinct seq)::int as n from audit_log where org_id = ${org.id}`,
    );
    expect((seqs as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(20);
  });

  it("appends several entries inside the caller's transaction, and none if it rolls back", async () => {
    const org = await orgWithEntries(2);
    const entries = [1, 2, 3].map((i) => ({
      orgId: org.id,
      action: "test.batch",
      actor: "user:b",
      details: { i },
    }));
    await handle.db.transaction((tx) => appendAuditWithin(tx, entries));
    await expect(
      handle.db.transaction(async (tx) => {
        await appendAuditWithin(tx, entries);
        throw new Error("the caller's write failed");
      }),
    ).rejects.toThrow("the caller's write failed");
    const report = await verifyAuditChain(handle.db, org.id);
    expect(report).toMatchObject({ entries: 5 });
    expect(report.firstBroken).toBeUndefined();
  });

  it("refuses a batch that spans two organisations' chains", async () => {
    const [a, b] = [await insertTestOrg(handle.db), await insertTestOrg(handle.db)];
    const entry = (orgId: string) => ({ orgId, action: "test.batch", actor: "user:b" });
    await expect(
      handle.db.transaction((tx) => appendAuditWithin(tx, [entry(a.id), entry(b.id)])),
    ).rejects.toThrow("one organisation's chain");
  });

  it("rejects an entry without an actor", async () => {
    const org = await insertTestOrg(handle.db);
    await expect(appendAudit(handle.db, { orgId: org.id, action: "x", actor: "" })).rejects.toThrow();
  });
});

describe("pseudonym", () => {
  it("is stable for one key and differs across keys and organisations", () => {
    const a = pseudonym("k1", "org", "user", "42");
    expect(a).toMatch(/^user:[0-9a-f]{16}$/);
    expect(pseudonym("k1", "org", "user", "42")).toBe(a);
    expect(pseudonym("k2", "org", "user", "42")).not.toBe(a);
    expect(pseudonym("k1", "org2", "user", "42")).not.toBe(a);
  });
});
