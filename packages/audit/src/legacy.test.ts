// Entries written before migration 0011 keep their hash (scheme 1): purge certificates cite entries
// by hash, so nothing is rewritten. After a chain's first scheme-2 entry, a scheme-1 entry is a forgery.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Db, type DbHandle, migrationsFolder, openPglite, openPostgres, rows } from "@isoloir/db";
import { createThrowawayDatabase } from "@isoloir/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit } from "./append";
import { genesisHash, legacyEntryHash } from "./chain";
import { asAttacker, headOf } from "./testing/attacker";
import { verifyAuditChain } from "./verify";

const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
  entries: { tag: string }[];
};
const ours = journal.entries.findIndex((e) => e.tag.endsWith("_audit_tamper_evidence"));

async function applyMigrations(db: Db, tags: string[]) {
  for (const tag of tags) {
    const text = readFileSync(join(migrationsFolder, `${tag}.sql`), "utf8");
    for (const statement of text.split("--> statement-breakpoint"))
      if (statement.trim()) await db.execute(sql.raw(statement));
  }
}

const unmigrated: { name: string; open: () => Promise<DbHandle> }[] = [
  { name: "pglite", open: () => openPglite(undefined, { migrate: false }) },
  ...(process.env.DATABASE_URL
    ? [
        {
          name: "postgres",
          open: async () => {
            const database = await createThrowawayDatabase(process.env.DATABASE_URL ?? "");
            const handle = await openPostgres(database.url, { migrate: false, max: 2 });
            return {
              ...handle,
              close: async () => {
                await handle.close();
                await database.drop();
              },
            };
          },
        },
      ]
    : []),
];

describe.each(unmigrated)("entries from before migration 0011 on $name", (target) => {
  let handle: DbHandle;
  let orgId: string;
  let legacyHashes: string[];

  beforeAll(async () => {
    expect(ours).toBeGreaterThan(0);
    handle = await target.open();
    await applyMigrations(
      handle.db,
      journal.entries.slice(0, ours).map((e) => e.tag),
    );
    // the schema of before 0011: insertTestOrg would name columns later migrations add
    const [org] = await rows<{ id: string }>(
      handle.db,
      sql`insert into organisations (slug, name, kind, country, controller_name, controller_email)
        values ('legacy', 'Legacy', 'party', 'FR', 'Legacy', 'dpo@legacy.example') returning id`,
    );
    if (!org) throw new Error("insert organisation returned nothing");
    orgId = org.id;
    // written the way appendAudit wrote them before 0011
    let prevHash = genesisHash;
    legacyHashes = [];
    for (let seq = 1; seq <= 3; seq++) {
      const fields = {
        orgId,
        seq,
        at: new Date(),
        action: "legacy.event",
        actor: "user:old",
        target: null,
        details: { seq, amount: 0.1 },
        prevHash,
      };
      const hash = legacyEntryHash(fields);
      await handle.db.execute(sql`insert into audit_log (org_id, seq, at, action, actor, target, details, prev_hash, hash)
        values (${orgId}::uuid, ${seq}, ${fields.at.toISOString()}::timestamptz, ${fields.action}, ${fields.actor}, null, ${JSON.stringify(fields.details)}::jsonb, ${prevHash}, ${hash})`);
      legacyHashes.push(hash);
      prevHash = hash;
    }
    await handle.db.execute(
      sql`insert into audit_heads (org_id, seq, hash) values (${orgId}::uuid, 3, ${prevHash})`,
    );
    await applyMigrations(
      handle.db,
      journal.entries.slice(ours).map((e) => e.tag),
    );
  });
  afterAll(async () => handle?.close());

  it("keeps their hashes as scheme 1, verifies them, and seals them with the first new entry", async () => {
    const kept = await rows<{ hash: string; scheme: number; mac: string | null }>(
      handle.db,
      sql`select hash, scheme, mac from audit_log where org_id = ${orgId}::uuid order by seq`,
    );
    expect(kept).toEqual(legacyHashes.map((hash) => ({ hash, scheme: 1, mac: null })));
    expect(await verifyAuditChain(handle.db, orgId)).toEqual({
      orgId,
      entries: 3,
      headHash: legacyHashes[2],
    });
    await appendAudit(handle.db, { orgId, action: "new.event", actor: "user:new" });
    const report = await verifyAuditChain(handle.db, orgId);
    expect(report.firstBroken).toBeUndefined();
    expect(report.entries).toBe(4);
  });

  it("reports a scheme-1 entry after the first scheme-2 entry as a forgery", async () => {
    const head = await headOf(handle.db, orgId);
    const fields = {
      orgId,
      seq: head.seq + 1,
      at: new Date(),
      action: "forged",
      actor: "user:f",
      target: null,
      details: {},
      prevHash: head.hash,
    };
    const hash = legacyEntryHash(fields);
    await asAttacker(handle, async (tx) => {
      await tx.execute(sql`insert into audit_log (org_id, seq, at, action, actor, details, prev_hash, hash, scheme)
        values (${orgId}::uuid, ${fields.seq}, ${fields.at.toISOString()}::timestamptz, 'forged', 'user:f', '{}', ${head.hash}, ${hash}, 1)`);
      await tx.execute(
        sql`update audit_heads set seq = ${fields.seq}, hash = ${hash} where org_id = ${orgId}::uuid`,
      );
    });
    expect((await verifyAuditChain(handle.db, orgId)).firstBroken).toEqual({
      seq: fields.seq,
      reason: "scheme_downgrade",
    });
  });
});
