import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, rows } from "./client";
import { testDatabases } from "./testing";

/** Tables allowed to lack org_id in their keys, each with its reason. */
const notTenantKeyed: Record<string, string> = {
  organisations: "the tenant itself",
  users: "accounts are global; one person may belong to several organisations",
  sessions: "a session belongs to a user before any organisation is chosen",
  sign_in_throttle: "throttles an account key before anyone is signed in",
};

describe.each(testDatabases())("schema catalog on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  it("indexes every foreign key of the application schema", async () => {
    const unindexed = await rows<{ table_name: string; columns: string }>(
      handle.db,
      sql`
      select c.conrelid::regclass::text as table_name,
             array_to_string(array(select a.attname from unnest(c.conkey) k join pg_attribute a
               on a.attrelid = c.conrelid and a.attnum = k), ',') as columns
      from pg_constraint c
      join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'
        and not exists (
          select 1 from pg_index i
          where i.indrelid = c.conrelid
            and (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] @> c.conkey
            and (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] <@ c.conkey
        )`,
    );
    expect(unindexed).toEqual([]);
  });

  it("puts org_id in the primary key of every tenant table", async () => {
    const tables = await rows<{ table_name: string; has_org_key: boolean }>(
      handle.db,
      sql`
      select t.relname as table_name,
             exists (
               select 1 from pg_index i join pg_attribute a
                 on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
               where i.indrelid = t.oid and i.indisprimary and a.attname = 'org_id'
             ) as has_org_key
      from pg_class t join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public' and t.relkind = 'r'`,
    );
    const offenders = tables
      .filter((t) => !t.has_org_key && !(t.table_name in notTenantKeyed))
      .map((t) => t.table_name);
    expect(offenders).toEqual([]);
    expect(tables.length).toBeGreaterThan(10);
  });

  it("puts org_id in every unique key of every tenant table", async () => {
    const offenders = await rows<{ index_name: string }>(
      handle.db,
      sql`
      select i.indexrelid::regclass::text as index_name, t.relname as table_name
      from pg_index i join pg_class t on t.oid = i.indrelid
      join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public' and i.indisunique
        and not exists (select 1 from pg_attribute a
                        where a.attrelid = i.indrelid and a.attnum = any(i.indkey) and a.attname = 'org_id')`,
    );
    const names = offenders
      .map((o) => o as { index_name: string; table_name: string })
      .filter((o) => !(o.table_name in notTenantKeyed))
      .map((o) => o.index_name);
    expect(names).toEqual([]);
  });

  it("re-running the migrations is a no-op", async () => {
    const before = await rows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(before[0]?.n).toBeGreaterThan(0);
  });
});
