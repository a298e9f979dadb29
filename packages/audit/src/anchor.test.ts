import { type DbHandle, generateSigningKey, publicKeyOf } from "@isoloir/db";
import { insertTestOrg, testDatabases, testKeys } from "@isoloir/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Anchor, anchorAudit, BadAnchorError, verifyAnchors } from "./anchor";
import { appendAudit } from "./append";
import { auditMacKey } from "./chain";
import { relink, tamperedThenRolledBack } from "./testing/attacker";
import { verifyAuditChain } from "./verify";

describe.each(testDatabases())("audit anchors on $name", (target) => {
  let handle: DbHandle;
  let orgId: string;
  let anchor: Anchor;
  const signingKey = generateSigningKey();
  const installation = { installationPublicKey: publicKeyOf(signingKey) };

  const append = (n: number) =>
    Promise.all(
      Array.from({ length: n }, () =>
        appendAudit(handle.db, { orgId, action: "test.event", actor: "user:a" }),
      ),
    );
  /** Deletes the entries from `from` on and moves the head back, as a superuser with the triggers off. */
  const truncate = (from: number) => async (tx: DbHandle["db"]) => {
    await tx.execute(sql`delete from audit_log where org_id = ${orgId}::uuid and seq >= ${from}`);
    await tx.execute(sql`update audit_heads h set seq = l.seq, hash = l.hash from audit_log l
      where h.org_id = ${orgId}::uuid and l.org_id = h.org_id and l.seq = ${from - 1}`);
  };

  beforeAll(async () => {
    handle = await target.open();
    orgId = (await insertTestOrg(handle.db)).id;
    await append(5);
    const result = await anchorAudit(handle.db, { signingKey, orgId });
    anchor = result.anchor;
    await append(3);
  });
  afterAll(async () => handle?.close());

  it("anchors the head of a chain, and the log extends it as it grows", async () => {
    expect(anchor.body.heads).toEqual([expect.objectContaining({ orgId, seq: 5 })]);
    expect(anchor.body.heads[0]?.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(await verifyAnchors(handle.db, [anchor], installation)).toEqual({
      ok: true,
      anchors: 1,
      heads: 1,
      findings: [],
    });
  });

  it("names the organisation and entry when the log was truncated before the anchor", async () => {
    const report = await tamperedThenRolledBack(handle, async (tx) => {
      await truncate(4)(tx);
      return {
        chain: await verifyAuditChain(tx, orgId),
        anchors: await verifyAnchors(tx, [anchor], installation),
      };
    });
    expect(report.chain.firstBroken).toBeUndefined(); // what remains is a valid chain
    expect(report.anchors.findings).toEqual([
      expect.objectContaining({ orgId, seq: 5, reason: "anchored_entry_missing" }),
    ]);
  });

  it("cannot see a truncation after the last anchor (the limit README.md states)", async () => {
    const report = await tamperedThenRolledBack(handle, async (tx) => {
      await truncate(6)(tx);
      return verifyAnchors(tx, [anchor], installation);
    });
    expect(report.ok).toBe(true);
  });

  it("catches a rewrite before the anchor even by someone holding the HMAC key", async () => {
    const report = await tamperedThenRolledBack(handle, async (tx) => {
      await tx.execute(
        sql`update audit_log set action = 'rewritten' where org_id = ${orgId}::uuid and seq = 2`,
      );
      await relink(tx, orgId, 2, auditMacKey(testKeys.hmacKey));
      return {
        chain: await verifyAuditChain(tx, orgId),
        anchors: await verifyAnchors(tx, [anchor], installation),
      };
    });
    expect(report.chain.firstBroken).toBeUndefined();
    expect(report.anchors.findings).toEqual([
      expect.objectContaining({ orgId, seq: 5, reason: "anchored_hash_mismatch" }),
    ]);
  });

  it("refuses a forged anchor, one of another installation, and what is not an anchor", async () => {
    const forged = {
      ...anchor,
      body: { ...anchor.body, heads: anchor.body.heads.map((h) => ({ ...h, seq: 6 })) },
    };
    expect((await verifyAnchors(handle.db, [forged])).findings).toEqual([
      expect.objectContaining({ orgId, seq: 6, reason: "bad_signature" }),
    ]);
    const other = (await anchorAudit(handle.db, { signingKey: generateSigningKey(), orgId })).anchor;
    expect((await verifyAnchors(handle.db, [other])).ok).toBe(true);
    expect((await verifyAnchors(handle.db, [other], installation)).findings).toEqual([
      expect.objectContaining({ orgId, seq: 8, reason: "other_key" }),
    ]);
    await expect(verifyAnchors(handle.db, [{ hello: "world" }])).rejects.toBeInstanceOf(BadAnchorError);
  });

  it("leaves a chain that does not verify out of the anchor", async () => {
    const result = await tamperedThenRolledBack(handle, async (tx) => {
      await tx.execute(sql`update audit_log set actor = 'user:x' where org_id = ${orgId}::uuid and seq = 7`);
      return anchorAudit(tx, { signingKey, orgId });
    });
    expect(result.anchor.body.heads).toEqual([]);
    expect(result.broken).toEqual([
      expect.objectContaining({ orgId, firstBroken: { seq: 7, reason: "hash_mismatch" } }),
    ]);
  });
});
