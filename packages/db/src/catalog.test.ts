import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, type DbHandle, rows } from "./client";
import { openThrowawayPostgres } from "./testing";

/**
 * What isoloir_tenant may do, table by table (migration 0013). A privilege the catalog shows and this
 * list does not is a failure: widen the list only with the migration that needs it, and say why there.
 */
const tenantTables: Record<string, string[]> = {
  ...Object.fromEntries(
    [
      "elections",
      "contacts",
      "provenance",
      "notices",
      "consents",
      "objections",
      "suppressions",
      "suppression_lifts",
      "country_settings",
      "country_setting_changes",
      "processors",
      "provider_allow_list",
      "enrichments",
      "contact_assignments",
      "purge_plans",
      "purge_targets",
      "purge_runs",
      "purge_reviews",
      "erasure_records",
      "purge_certificates",
      "membership_invitations",
      "memberships",
    ].map((table) => [table, ["DELETE", "INSERT", "SELECT", "UPDATE"]]),
  ),
  audit_log: ["INSERT", "SELECT"],
  audit_heads: ["SELECT"],
  organisations: ["SELECT", "UPDATE"],
};

/** Column grants, where the table itself is not granted: never a password hash, a token or a CSRF token. */
const tenantColumns: Record<string, Record<string, string[]>> = {
  users: {
    SELECT: ["email", "id", "name"],
    // an invitation creates the account of a new email; the users policy tenant_invite keeps it unprivileged
    INSERT: [
      "created_at",
      "email",
      "id",
      "locale",
      "must_change_password",
      "name",
      "password_hash",
      "platform_operator",
    ],
  },
};

const systemSchemas = sql.raw(`('pg_catalog', 'information_schema', 'pg_toast')`);

/** Tables of `public` with an org_id column but no row-level security, or no policy. */
async function tablesWithoutIsolation(db: Db): Promise<string[]> {
  const found = await rows<{ table: string; rls: boolean; policies: number }>(
    db,
    sql`select c.relname as table, c.relrowsecurity as rls,
          (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')
          and exists (select 1 from pg_attribute a
                      where a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped)`,
  );
  return found
    .filter((t) => !t.rls || t.policies === 0)
    .map((t) => `${t.table}: ${t.rls ? "no policy" : "row-level security off"}`)
    .sort();
}

/** Every table and column privilege isoloir_tenant holds, directly or through PUBLIC, outside the list. */
async function privilegesBeyondList(db: Db): Promise<string[]> {
  const tables = await rows<{ table: string; privilege: string }>(
    db,
    sql`select n.nspname || '.' || c.relname as table, acl.privilege_type as privilege
        from pg_class c join pg_namespace n on n.oid = c.relnamespace,
          aclexplode(c.relacl) acl
        where n.nspname not in ${systemSchemas}
          and acl.grantee in (0, (select oid from pg_roles where rolname = 'isoloir_tenant'))`,
  );
  const columns = await rows<{ table: string; column: string; privilege: string }>(
    db,
    sql`select n.nspname || '.' || c.relname as table, a.attname as column, acl.privilege_type as privilege
        from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace,
          aclexplode(a.attacl) acl
        where n.nspname not in ${systemSchemas} and not a.attisdropped
          and acl.grantee in (0, (select oid from pg_roles where rolname = 'isoloir_tenant'))`,
  );
  const allowedTable = (t: string, p: string) => tenantTables[t.replace(/^public\./, "")]?.includes(p);
  const allowedColumn = (t: string, c: string, p: string) =>
    tenantColumns[t.replace(/^public\./, "")]?.[p]?.includes(c);
  return [
    ...tables.filter((g) => !allowedTable(g.table, g.privilege)).map((g) => `${g.privilege} on ${g.table}`),
    ...columns
      .filter((g) => !allowedColumn(g.table, g.column, g.privilege))
      .map((g) => `${g.privilege} (${g.column}) on ${g.table}`),
  ].sort();
}

/** Default privileges (pg_default_acl) that would give isoloir_tenant something on future objects. */
async function defaultGrants(db: Db): Promise<string[]> {
  const found = await rows<{ kind: string; privilege: string }>(
    db,
    sql`select d.defaclobjtype as kind, acl.privilege_type as privilege
        from pg_default_acl d, aclexplode(d.defaclacl) acl
        where acl.grantee = (select oid from pg_roles where rolname = 'isoloir_tenant')`,
  );
  return found.map((d) => `${d.privilege} on future objects of kind ${d.kind}`).sort();
}

/** Powers isoloir_tenant must not have: owning a table, SUPERUSER, BYPASSRLS, another role's rights. */
async function rolePowers(db: Db): Promise<string[]> {
  const [role] = await rows<{ super: boolean; bypass: boolean; owns: string[]; member_of: string[] }>(
    db,
    sql`select r.rolsuper as super, r.rolbypassrls as bypass,
          array(select c.relname::text from pg_class c where c.relowner = r.oid order by 1) as owns,
          array(select g.rolname::text from pg_auth_members m join pg_roles g on g.oid = m.roleid
                where m.member = r.oid order by 1) as member_of
        from pg_roles r where r.rolname = 'isoloir_tenant'`,
  );
  if (!role) return ["the role isoloir_tenant does not exist"];
  return [
    ...(role.super ? ["SUPERUSER"] : []),
    ...(role.bypass ? ["BYPASSRLS"] : []),
    ...role.owns.map((t) => `owns ${t}`),
    ...role.member_of.map((g) => `member of ${g}`),
  ];
}

const undo = Symbol("roll back");

/** Runs `change` and then `check` in one transaction that is rolled back: the database is left as it was. */
async function underChange(db: Db, change: string[], check: (tx: Db) => Promise<string[]>) {
  let seen: string[] = [];
  await db
    .transaction(async (tx) => {
      for (const statement of change) await tx.execute(sql.raw(statement));
      seen = await check(tx);
      throw undo;
    })
    .catch((error) => {
      if (error !== undo) throw error;
    });
  return seen;
}

describe.skipIf(!process.env.DATABASE_URL)(
  "the tenant role's catalog on PostgreSQL (skipped without DATABASE_URL: PGlite is one superuser session, where row-level security only guards against a forgotten filter)",
  () => {
    let handle: DbHandle;
    beforeAll(async () => {
      handle = await openThrowawayPostgres(process.env.DATABASE_URL as string);
    });
    afterAll(async () => handle?.close());

    it("every table of public with an org_id column has row-level security and a policy", async () => {
      expect(await tablesWithoutIsolation(handle.db)).toEqual([]);
    });

    it("isoloir_tenant holds no table or column privilege beyond the named list", async () => {
      expect(await privilegesBeyondList(handle.db)).toEqual([]);
    });

    it("no default privilege grants isoloir_tenant anything on future tables", async () => {
      expect(await defaultGrants(handle.db)).toEqual([]);
    });

    it("isoloir_tenant owns no table, is not SUPERUSER, has no BYPASSRLS and inherits no role", async () => {
      expect(await rolePowers(handle.db)).toEqual([]);
    });

    it("each check fails when its protection is removed", async () => {
      const { db } = handle;
      expect(
        await underChange(db, ["alter table contacts disable row level security"], tablesWithoutIsolation),
      ).toEqual(["contacts: row-level security off"]);
      expect(
        await underChange(db, ["drop policy tenant_isolation on memberships"], tablesWithoutIsolation),
      ).toEqual(["memberships: no policy"]);
      expect(
        await underChange(
          db,
          [
            "grant select on sign_in_throttle to isoloir_tenant",
            "grant select (password_hash) on users to isoloir_tenant",
            "grant delete on audit_log to public",
          ],
          privilegesBeyondList,
        ),
      ).toEqual([
        "DELETE on public.audit_log",
        "SELECT (password_hash) on public.users",
        "SELECT on public.sign_in_throttle",
      ]);
      expect(
        await underChange(
          db,
          ["alter default privileges in schema public grant select on tables to isoloir_tenant"],
          defaultGrants,
        ),
      ).toEqual(["SELECT on future objects of kind r"]);
      expect(
        await underChange(
          db,
          ["create table catalog_probe (id int)", "alter table catalog_probe owner to isoloir_tenant"],
          rolePowers,
        ),
      ).toEqual(["owns catalog_probe"]);
      // a role is the cluster's, not the database's: the change is rolled back before anyone sees it
      expect(await underChange(db, ["alter role isoloir_tenant superuser bypassrls"], rolePowers)).toEqual([
        "SUPERUSER",
        "BYPASSRLS",
      ]);
    });
  },
);
