import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, rows } from "./client";
import { contacts, memberships, sessions, signInThrottle, users } from "./schema/index";
import { withTenant } from "./tenant";
import { insertTestOrg, openThrowawayPostgres } from "./testing";

/** The error a statement injected into organisation A's tenant transaction gets, or undefined. */
async function refusal(handle: DbHandle, orgId: string, statement: string): Promise<string | undefined> {
  return withTenant(handle.db, orgId, (tx) => tx.execute(sql.raw(statement))).then(
    () => undefined,
    (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message),
  );
}

/**
 * What a statement injected into a tenant transaction reaches, as raw SQL. PostgreSQL only (skipped
 * without DATABASE_URL): PGlite is one superuser session, where row-level security only guards against a
 * forgotten org_id filter in our own code.
 */
describe.skipIf(!process.env.DATABASE_URL)(
  "SQL injected into a tenant transaction on PostgreSQL (skipped without DATABASE_URL: PGlite is one superuser session)",
  () => {
    let handle: DbHandle;
    let orgA: string;
    let orgB: string;
    let userB: string;
    beforeAll(async () => {
      handle = await openThrowawayPostgres(process.env.DATABASE_URL as string);
      orgA = (await insertTestOrg(handle.db)).id;
      orgB = (await insertTestOrg(handle.db)).id;
      const [a, b] = await handle.db
        .insert(users)
        .values([
          { email: `a-${orgA}@example.org`, name: "A", passwordHash: "secret-hash-a" },
          { email: `b-${orgB}@example.org`, name: "B", passwordHash: "secret-hash-b" },
        ])
        .returning();
      if (!a || !b) throw new Error("insert users returned nothing");
      userB = b.id;
      await handle.db.insert(memberships).values([
        { orgId: orgA, userId: a.id, role: "owner" },
        { orgId: orgB, userId: b.id, role: "owner" },
      ]);
      const expiresAt = new Date(Date.now() + 3_600_000);
      await handle.db.insert(sessions).values([
        { tokenHash: "token-a", userId: a.id, orgId: orgA, csrfToken: "csrf-a", expiresAt },
        { tokenHash: "token-b", userId: b.id, orgId: orgB, csrfToken: "csrf-b", expiresAt },
      ]);
      await handle.db.insert(signInThrottle).values({ keyHash: "some-key" });
      await handle.db.insert(contacts).values([
        { orgId: orgA, lastName: "A1" },
        { orgId: orgB, lastName: "B1" },
      ]);
    });
    afterAll(async () => handle?.close());

    it("cannot read password hashes: select * from users is refused", async () => {
      expect(await refusal(handle, orgA, "select * from users")).toMatch(/permission denied/);
      expect(await refusal(handle, orgA, "select password_hash from users")).toMatch(/permission denied/);
    });

    it("cannot read sessions' tokens nor CSRF tokens", async () => {
      expect(await refusal(handle, orgA, "select * from sessions")).toMatch(/permission denied/);
      expect(await refusal(handle, orgA, "select csrf_token from sessions")).toMatch(/permission denied/);
    });

    it("cannot read the sign-in throttle", async () => {
      expect(await refusal(handle, orgA, "select * from sign_in_throttle")).toMatch(/permission denied/);
    });

    it("sees only its own organisation and its members", async () => {
      const seen = await withTenant(handle.db, orgA, async (tx) => ({
        orgs: await rows<{ id: string }>(tx, sql`select * from organisations`),
        members: await rows<{ org_id: string }>(tx, sql`select * from memberships`),
      }));
      expect(seen.orgs.map((o) => o.id)).toEqual([orgA]);
      expect(seen.members.map((m) => m.org_id)).toEqual([orgA]);
    });

    it("cannot change another organisation, its members or its sessions", async () => {
      await withTenant(handle.db, orgA, async (tx) => {
        await tx.execute(sql`update organisations set name = 'hijacked'`);
        await tx.execute(sql`delete from memberships where org_id <> ${orgA}`);
      });
      const [b] = await rows<{ name: string; members: number; bound: number }>(
        handle.db,
        sql`select name, (select count(*)::int from memberships where org_id = ${orgB}) as members,
              (select count(*)::int from sessions where org_id = ${orgB}) as bound
            from organisations where id = ${orgB}`,
      );
      expect(b).toEqual({ name: expect.not.stringMatching(/hijacked/), members: 1, bound: 1 });
      expect(
        await refusal(handle, orgA, `update sessions set org_id = null where org_id = '${orgB}'`),
      ).toMatch(/permission denied/);
      // the one way to unbind sessions takes only the transaction's own organisation
      expect(await refusal(handle, orgA, `select unbind_member_sessions('${userB}', '${orgB}')`)).toMatch(
        /not this transaction's organisation/,
      );
      const [still] = await rows<{ bound: number }>(
        handle.db,
        sql`select count(*)::int as bound from sessions where org_id = ${orgB}`,
      );
      expect(still?.bound).toBe(1);
      expect(await refusal(handle, orgA, "delete from sessions")).toMatch(/permission denied/);
    });

    it("cannot create a privileged account", async () => {
      const insert = (operator: boolean, mustChange: boolean) =>
        `insert into users (email, name, password_hash, must_change_password, platform_operator)
         values ('x-${operator}-${mustChange}@example.org', 'X', 'h', ${mustChange}, ${operator})`;
      expect(await refusal(handle, orgA, insert(true, true))).toMatch(/row-level security/);
      expect(await refusal(handle, orgA, insert(false, false))).toMatch(/row-level security/);
      expect(await refusal(handle, orgA, "update users set platform_operator = true")).toMatch(
        /permission denied/,
      );
    });

    it("cannot update, delete or truncate the audit log", async () => {
      expect(await refusal(handle, orgA, "update audit_log set action = 'x'")).toMatch(/permission denied/);
      expect(await refusal(handle, orgA, "delete from audit_log")).toMatch(/permission denied/);
      expect(await refusal(handle, orgA, "truncate audit_log")).toMatch(/permission denied/);
      expect(await refusal(handle, orgA, "delete from audit_heads")).toMatch(/permission denied/);
    });

    // The connection logs in as the tables' owner and the organisation is a plain setting: an injected
    // statement can leave the role or name another organisation. Closing this is the planned part (a
    // pool that logs in as isoloir_tenant, the organisation bound by a signed value); when it lands these
    // tests pass, it.fails then fails, and the marker comes off.
    it.fails("PLANNED: RESET ROLE inside the tenant transaction does not reach other organisations", async () => {
      const seen = await withTenant(handle.db, orgA, async (tx) => {
        await tx.execute(sql`reset role`);
        return rows<{ org_id: string }>(tx, sql`select org_id from contacts`);
      });
      expect(seen.map((c) => c.org_id)).toEqual([orgA]);
    });

    it.fails("PLANNED: set_config('isoloir.org_id', B) inside A's transaction does not reach B", async () => {
      const seen = await withTenant(handle.db, orgA, async (tx) => {
        await tx.execute(sql`select set_config('isoloir.org_id', ${orgB}, true)`);
        return rows<{ org_id: string }>(tx, sql`select org_id from contacts`);
      });
      expect(seen.map((c) => c.org_id)).toEqual([orgA]);
    });
  },
);
