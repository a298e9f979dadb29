// 1,000 random tamperings of an anchored chain, each made as a superuser with the audit triggers off
// and rolled back: every one must be detected, by the chain's verification or by the anchor; the
// untouched chain must always verify. Seeded: AUDIT_TAMPER_SEED reproduces a failure.
import { type Db, type DbHandle, generateSigningKey, rows } from "@isoloir/db";
import { insertTestOrg, testDatabases } from "@isoloir/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Anchor, anchorAudit, verifyAnchors } from "./anchor";
import { appendAudit, appendAuditWithin } from "./append";
import { entryHash, entryMac } from "./chain";
import { attackerMacKey, headOf, relink, tamperedThenRolledBack } from "./testing/attacker";
import { verifyAuditChain } from "./verify";

const seed = Number(process.env.AUDIT_TAMPER_SEED ?? 20261208);
const tamperings = Number(process.env.AUDIT_TAMPERINGS ?? 1000);
const length = 24;
const anchoredAt = 16;

/** mulberry32: a small seeded generator, so a failing tampering can be replayed. */
function prng(start: number) {
  let a = start >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int, pick: <T>(list: readonly T[]): T => list[int(0, list.length - 1)] as T };
}
type Random = ReturnType<typeof prng>;

interface Scene {
  orgId: string;
  otherOrgId: string;
}

type Tampering = (tx: Db, scene: Scene, random: Random) => Promise<string>;

const where = (scene: Scene, seq: number) => sql`org_id = ${scene.orgId}::uuid and seq = ${seq}`;
/** One hex digit of a hash column changed, at a random place: the smallest edit there is. */
const flipHex = (column: "prev_hash" | "hash" | "mac", random: Random) => {
  const at = random.int(1, 64);
  const c = sql.raw(column);
  return sql`${c} = overlay(${c} placing (case when substr(${c}, ${at}, 1) = '0' then '1' else '0' end) from ${at} for 1)`;
};
/** Half the time the attacker also recomputes every hash after the edit and moves the head. */
const maybeRelink = async (tx: Db, scene: Scene, random: Random, from: number) => {
  if (random.next() < 0.5) return "";
  await relink(tx, scene.orgId, from);
  return " +relinked";
};

const edits: Record<string, (seq: number, random: Random) => ReturnType<typeof sql>> = {
  at_sub_millisecond: (_, r) =>
    sql`at = at + make_interval(secs => ${r.pick([-1, 1]) * r.int(1, 999)}::float8 / 1000000)`,
  at_seconds: (_, r) => sql`at = at + make_interval(secs => ${r.int(1, 86400)})`,
  action: (_, r) => sql`action = action || ${r.pick(["x", ".", " "])}`,
  actor: () => sql`actor = 'user:0000000000000000'`,
  target: () => sql`target = case when target is null then 'contact:ffffffffffffffff' else null end`,
  details_number_beyond_double: () =>
    sql`details = jsonb_set(details, '{amount}', ((details->>'amount') || '00000000000000000001')::jsonb)`,
  details_same_number_other_text: () =>
    sql`details = jsonb_set(details, '{i}', ((details->>'i') || '.0')::jsonb)`,
  details_string: () => sql`details = jsonb_set(details, '{note}', '"edited"')`,
  details_key_added: () => sql`details = details || '{"extra": true}'`,
  prev_hash: (_, r) => flipHex("prev_hash", r),
  hash: (_, r) => flipHex("hash", r),
  mac: (_, r) => flipHex("mac", r),
};

const kinds: Record<string, Tampering> = {
  /** the control: nothing changed, nothing may be reported */
  async untouched() {
    return "untouched";
  },
  async edit(tx, scene, r) {
    const seq = r.int(1, length);
    const field = r.pick(Object.keys(edits));
    const edit = edits[field];
    if (!edit) throw new Error(field);
    await tx.execute(sql`update audit_log set ${edit(seq, r)} where ${where(scene, seq)}`);
    const relinked =
      field === "hash" || field === "prev_hash" || field === "mac"
        ? ""
        : await maybeRelink(tx, scene, r, seq);
    return `edit ${field} of ${seq}${relinked}`;
  },
  async delete(tx, scene, r) {
    const seq = r.int(1, length);
    await tx.execute(sql`delete from audit_log where ${where(scene, seq)}`);
    const relinked = seq < length ? await maybeRelink(tx, scene, r, seq) : "";
    return `delete ${seq}${relinked}`;
  },
  async insert_below_one(tx, scene, r) {
    const seq = r.int(-3, 0);
    // the CHECK holds even with triggers off: only the table's owner dropping it lets such a row in
    await tx.execute(sql`alter table audit_log drop constraint audit_log_seq_positive`);
    await tx.execute(sql`insert into audit_log (org_id, seq, at, action, actor, details, prev_hash, hash, scheme, mac)
      values (${scene.orgId}::uuid, ${seq}, now(), 'forged', 'user:forged', '{}', repeat('0', 64), repeat('0', 64), 2, repeat('0', 64))`);
    return `insert at ${seq}`;
  },
  async insert_inside(tx, scene, r) {
    const seq = r.int(1, length);
    await tx.execute(
      sql`update audit_log set seq = seq + 1000000 where org_id = ${scene.orgId}::uuid and seq >= ${seq}`,
    );
    await tx.execute(
      sql`update audit_log set seq = seq - 999999 where org_id = ${scene.orgId}::uuid and seq >= 1000000`,
    );
    await tx.execute(sql`insert into audit_log (org_id, seq, at, action, actor, details, prev_hash, hash, scheme, mac)
      values (${scene.orgId}::uuid, ${seq}, now(), 'forged', 'user:forged', '{"forged": 1}', '', '', 2, '')`);
    await relink(tx, scene.orgId, seq);
    return `insert at ${seq} +relinked`;
  },
  async append_without_key(tx, scene, r) {
    const head = await headOf(tx, scene.orgId);
    const count = r.int(1, 3);
    let prev = head.hash;
    for (let i = 1; i <= count; i++) {
      const seq = head.seq + i;
      const atMicros = "1796690000000000";
      const detailsText = `{"forged": ${i}}`;
      const hash = entryHash({
        orgId: scene.orgId,
        seq,
        atMicros,
        action: "forged",
        actor: "user:forged",
        target: null,
        detailsText,
        prevHash: prev,
      });
      await tx.execute(sql`insert into audit_log (org_id, seq, at, action, actor, details, prev_hash, hash, scheme, mac)
        values (${scene.orgId}::uuid, ${seq}, '2026-12-08T00:33:20Z', 'forged', 'user:forged', ${detailsText}::jsonb, ${prev}, ${hash}, 2, ${entryMac(attackerMacKey, hash)})`);
      prev = hash;
    }
    await tx.execute(
      sql`update audit_heads set seq = ${head.seq + count}, hash = ${prev} where org_id = ${scene.orgId}::uuid`,
    );
    return `append ${count} without the key`;
  },
  async swap(tx, scene, r) {
    const a = r.int(1, length - 1);
    const b = r.int(a + 1, length);
    await tx.execute(sql`update audit_log set seq = 1000000 where ${where(scene, a)}`);
    await tx.execute(sql`update audit_log set seq = ${a} where ${where(scene, b)}`);
    await tx.execute(sql`update audit_log set seq = ${b} where ${where(scene, 1000000)}`);
    return `swap ${a} and ${b}${await maybeRelink(tx, scene, r, a)}`;
  },
  async downgrade(tx, scene, r) {
    // the whole chain (only the anchor sees it), or from an entry after the first (the scheme rule does)
    const from = r.next() < 0.3 ? 1 : r.int(2, length);
    await tx.execute(
      sql`update audit_log set scheme = 1, mac = null where org_id = ${scene.orgId}::uuid and seq >= ${from}`,
    );
    await relink(tx, scene.orgId, from);
    return `downgrade to scheme 1 from ${from} +relinked`;
  },
  async move_to_other_org(tx, scene, r) {
    const seq = r.int(1, length);
    await tx.execute(
      sql`update audit_log set org_id = ${scene.otherOrgId}::uuid, seq = seq + 1000 where ${where(scene, seq)}`,
    );
    return `move ${seq} to another organisation`;
  },
  async truncate_before_anchor(tx, scene, r) {
    const from = r.int(1, anchoredAt);
    await tx.execute(sql`delete from audit_log where org_id = ${scene.orgId}::uuid and seq >= ${from}`);
    const [last] = await rows<{ hash: string }>(
      tx,
      sql`select hash from audit_log where ${where(scene, from - 1)}`,
    );
    await tx.execute(
      sql`update audit_heads set seq = ${from - 1}, hash = ${last?.hash ?? "0".repeat(64)} where org_id = ${scene.orgId}::uuid`,
    );
    return `truncate from ${from}, head moved`;
  },
  async head(tx, scene, r) {
    const set = r.pick([sql`seq = seq - 1`, sql`hash = repeat('d', 64)`, sql`seq = seq + 1`]);
    await tx.execute(sql`update audit_heads set ${set} where org_id = ${scene.orgId}::uuid`);
    return "edit the head";
  },
};

describe.each(testDatabases())("1,000 random tamperings on $name", (target) => {
  let handle: DbHandle;
  let scene: Scene;
  let anchor: Anchor;
  const signingKey = generateSigningKey();

  /** The chain's first broken link, else what the anchor finds. */
  const detected = async (tx: Db) => {
    const chain = await verifyAuditChain(tx, scene.orgId);
    if (chain.firstBroken) return { chain: chain.firstBroken, anchors: [] };
    return { chain: undefined, anchors: (await verifyAnchors(tx, [anchor])).findings };
  };

  beforeAll(async () => {
    handle = await target.open();
    const org = await insertTestOrg(handle.db);
    const other = await insertTestOrg(handle.db);
    scene = { orgId: org.id, otherOrgId: other.id };
    const entry = (i: number) => ({
      orgId: org.id,
      action: i % 3 ? "test.event" : "test.other",
      actor: `user:${String(i).padStart(16, "0")}`,
      target: i % 2 ? null : `contact:${String(i).padStart(16, "a")}`,
      details: { i, amount: 12.5 + i, note: `é€😀 "quoted" ${i}`, nested: { list: [1, "two", null, true] } },
    });
    for (let i = 1; i <= anchoredAt; i++) await appendAudit(handle.db, entry(i));
    anchor = (await anchorAudit(handle.db, { signingKey, orgId: org.id })).anchor;
    await handle.db.transaction((tx) =>
      appendAuditWithin(
        tx,
        Array.from({ length: length - anchoredAt }, (_, i) => entry(anchoredAt + 1 + i)),
      ),
    );
    await appendAudit(handle.db, { orgId: other.id, action: "test.other_org", actor: "user:x" });
  });
  afterAll(async () => handle?.close());

  it(`detects every one (seed ${seed})`, async () => {
    expect(await detected(handle.db)).toEqual({ chain: undefined, anchors: [] });
    const random = prng(seed);
    const missed: string[] = [];
    const counts: Record<string, number> = {};
    const reasons = new Set<string>();
    for (let n = 0; n < tamperings; n++) {
      const kind = random.pick(Object.keys(kinds));
      const tamper = kinds[kind];
      if (!tamper) throw new Error(kind);
      counts[kind] = (counts[kind] ?? 0) + 1;
      const outcome = await tamperedThenRolledBack(handle, async (tx) => {
        const what = await tamper(tx, scene, random);
        return { what, ...(await detected(tx)) };
      });
      const found = Boolean(outcome.chain) || outcome.anchors.length > 0;
      const reason = outcome.chain?.reason ?? outcome.anchors[0]?.reason;
      if (reason) reasons.add(reason);
      if (kind === "untouched" ? found : !found)
        missed.push(`#${n}: ${outcome.what} → ${JSON.stringify(outcome)}`);
      if (n % 100 === 0) expect(await detected(handle.db)).toEqual({ chain: undefined, anchors: [] });
    }
    expect(missed).toEqual([]);
    expect(Object.keys(counts).sort()).toEqual(Object.keys(kinds).sort());
    // every protection had its turn: each of these tamperings was caught by it first
    expect([...reasons].sort()).toEqual(
      expect.arrayContaining([
        "anchored_entry_missing",
        "anchored_hash_mismatch",
        "hash_mismatch",
        "head_mismatch",
        "mac_mismatch",
        "prev_hash_mismatch",
        "scheme_downgrade",
        "seq_gap",
        "unexpected_seq",
      ]),
    );
    expect(await detected(handle.db)).toEqual({ chain: undefined, anchors: [] });
  }, 600_000);
});
