import { randomBytes } from "node:crypto";
import pg from "pg";
import { type DbHandle, openPglite, openPostgres } from "./client";
import { installHmacKey, type Keys } from "./keys";

export interface TestDatabase {
  name: "pglite" | "postgres";
  /** a migrated, empty database of its own */
  open: () => Promise<DbHandle>;
}

export const testKeys: Keys = { hmacKey: "test-hmac-key-not-secret" };
// what the suites append to the audit log is MACed under the test key (openDatabase installs its own)
installHmacKey(testKeys.hmacKey);

/** PGlite always; PostgreSQL too when DATABASE_URL is set. Use with describe.each. */
export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [{ name: "pglite", open: () => openPglite() }];
  const url = process.env.DATABASE_URL;
  if (url) list.push({ name: "postgres", open: () => openThrowawayPostgres(url) });
  return list;
}

/**
 * A database of its own on the server behind `url`, for tests that need a URL rather than a handle
 * (pg-boss, a child process). Whoever opens it first migrates it.
 */
export async function createThrowawayDatabase(
  url: string,
  prefix = "isoloir_t",
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const run = async (statement: string) => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  await run(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return { url: target.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

/** Creates a migrated database of its own on the server behind `url`, dropped again on close. */
export async function openThrowawayPostgres(url: string): Promise<DbHandle> {
  const database = await createThrowawayDatabase(url);
  const handle = await openPostgres(database.url, { max: 4 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await database.drop();
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
