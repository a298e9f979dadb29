import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, rows } from "./client";
import { contacts } from "./schema/index";
import { withTenant } from "./tenant";
import { insertTestOrg, testDatabases } from "./testing";

describe.each(testDatabases())("row-level security on $name", (target) => {
  let handle: DbHandle;
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    handle = await target.open();
    orgA = (await insertTestOrg(handle.db)).id;
    orgB = (await insertTestOrg(handle.db)).id;
    await handle.db.insert(contacts).values([
      { orgId: orgA, lastName: "A1" },
      { orgId: orgA, lastName: "A2" },
      { orgId: orgB, lastName: "B1" },
    ]);
  });
  afterAll(async () => handle?.close());

  it("hides another tenant's rows from a query that forgets its org_id filter", async () => {
    const seen = await withTenant(handle.db, orgA, (tx) => tx.select().from(contacts));
    expect(seen.map((c) => c.lastName).sort()).toEqual(["A1", "A2"]);
  });

  it("refuses to write a row into another tenant", async () => {
    const attempt = withTenant(handle.db, orgA, (tx) =>
      tx.insert(contacts).values({ orgId: orgB, lastName: "intruder" }),
    );
    const error = await attempt.then(
      () => undefined,
      (e: Error) => e,
    );
    expect(String((error?.cause as Error | undefined)?.message)).toMatch(/row-level security/);
  });

  it("cannot update or delete another tenant's rows", async () => {
    await withTenant(handle.db, orgA, async (tx) => {
      await tx.update(contacts).set({ lastName: "hijacked" });
      await tx.delete(contacts).where(sql`last_name = 'B1'`);
    });
    const [b] = await rows<{ last_name: string }>(
      handle.db,
      sql`select last_name from contacts where org_id = ${orgB}`,
    );
    expect(b?.last_name).toBe("B1");
  });

  it("shows nothing when no organisation is set", async () => {
    const seen = await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local role isoloir_tenant`);
      return tx.select().from(contacts);
    });
    expect(seen).toEqual([]);
  });
});
