import { signIn } from "@isoloir/accounts";
import { verifyAuditChain } from "@isoloir/audit";
import { consents, type DbHandle, objections, provenance, suppressions } from "@isoloir/db";
import { testDatabases, testKeys } from "@isoloir/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword } from "./fixtures";
import { demoSignIns, seedDemo } from "./seed";

describe.each(testDatabases())("demo seed on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  it("seeds once, with varied sources, consents and objections, and a sign-in per role", async () => {
    const first = await seedDemo(handle.db, testKeys, {
      contacts: 300,
      now: new Date("2026-11-24T10:00:00Z"),
    });
    expect(first).toMatchObject({ created: true });
    const legacy = Object.values(first.legacy ?? {}).reduce((a, b) => a + b, 0);
    expect(legacy).toBeGreaterThan(20);
    expect(first.contacts).toBe(300 + legacy);
    const again = await seedDemo(handle.db, testKeys, { contacts: 300 });
    expect(again).toMatchObject({ created: false, orgId: first.orgId, contacts: first.contacts });
    const sources = new Set(
      (await handle.db.select().from(provenance).where(eq(provenance.orgId, first.orgId))).map(
        (p) => p.source,
      ),
    );
    expect(sources.size).toBeGreaterThanOrEqual(10);
    for (const source of ["social_enrichment_lookup", "public_sector_file", "electoral_list_L37"])
      expect(sources.has(source as never)).toBe(true);
    expect(await handle.db.$count(consents, eq(consents.orgId, first.orgId))).toBeGreaterThan(50);
    expect(await handle.db.$count(objections, eq(objections.orgId, first.orgId))).toBeGreaterThan(0);
    expect(await handle.db.$count(suppressions, eq(suppressions.orgId, first.orgId))).toBeGreaterThan(0);
    for (const { email } of demoSignIns) {
      await expect(signIn(handle.db, { email, password: demoPassword })).resolves.toHaveProperty("token");
    }
    expect((await verifyAuditChain(handle.db, first.orgId)).firstBroken).toBeUndefined();
  });

  it("re-creates the demo with force", async () => {
    const before = await seedDemo(handle.db, testKeys, { contacts: 50 });
    const forced = await seedDemo(handle.db, testKeys, { contacts: 50, force: true });
    expect(forced.created).toBe(true);
    expect(forced.orgId).not.toBe(before.orgId);
  });
});
