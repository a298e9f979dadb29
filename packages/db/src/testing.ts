import { randomBytes } from "node:crypto";
import pg from "pg";
import { type DbHandle, openPglite, openPostgres } from "./client";
import type { Keys } from "./keys";

export interface TestDatabase {
  name: "pglite" | "postgres";
  /** a migrated, empty database of its own */
  open: () => Promise<DbHandle>;
}

export const testKeys: Keys = { hmacKey: "test-hmac-key-not-secret" };

/** PGlite always; PostgreSQL too when DATABASE_URL is set. Use with describe.each. */
export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [{ name: "pglite", open: () => openPglite() }];
  const url = process.env.DATABASE_URL;
  if (url) list.push({ name: "postgres", open: () => openThrowawayPostgres(url) });
  return list;
}

/** Creates a database of its own on the server behind `url`, dropped again on close. */
export async function openThrowawayPostgres(url: string): Promise<DbHandle> {
  const name = `isoloir_t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openPostgres(target.toString(), { max: 4 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** A minimal organisation row for tests. */
export async function insertTestOrg(
  db: import("./client").Db,
  overrides: Partial<typeof import("./schema/index").organisations.$inferInsert> = {},
) {
  const { organisations } = await import("./schema/index");
  const slug = overrides.slug ?? `org-${randomBytes(4).toString("hex")}`;
  const [org] = await db
    .insert(organisations)
    .values({
      slug,
      name: `Test ${slug}`,
      kind: "party",
      country: "FR",
      controllerName: `Test ${slug}`,
      controllerEmail: `dpo@${slug}.example`,
      ...overrides,
    })
    .returning();
  if (!org) throw new Error("insert organisation returned nothing");
  return org;
}
