import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema/index";

export type Schema = typeof schema;
/** Driver-neutral drizzle handle: a pool, a transaction or PGlite all fit. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Driver = "pglite" | "postgres";

export interface DbHandle {
  db: Db;
  driver: Driver;
  close: () => Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));
const casing = "snake_case" as const;

/** Embedded PGlite. `dataDir` undefined means in memory (tests only). */
export async function openPglite(dataDir?: string, opts: { migrate?: boolean } = {}): Promise<DbHandle> {
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite({ client, schema, casing });
  if (opts.migrate !== false) await migratePglite(db, { migrationsFolder });
  return { db, driver: "pglite", close: () => client.close() };
}

/** A PostgreSQL server. Migrations run under an advisory lock so concurrent starts are safe. */
export async function openPostgres(
  connectionString: string,
  opts: { migrate?: boolean; max?: number } = {},
): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString, max: opts.max ?? 10 });
  // An idle client whose server connection drops (restart, failover) emits 'error' on the pool; without a
  // listener that crashes the process. The pool discards that client and the next query reconnects.
  pool.on("error", () => undefined);
  const db = drizzleNodePg({ client: pool, schema, casing });
  if (opts.migrate !== false) {
    const lockClient = await pool.connect();
    try {
      await lockClient.query("select pg_advisory_lock(7261934)");
      await migrateNodePg(drizzleNodePg({ client: lockClient, schema, casing }), { migrationsFolder });
    } finally {
      await lockClient.query("select pg_advisory_unlock(7261934)").catch(() => undefined);
      lockClient.release();
    }
  }
  return { db, driver: "postgres", close: () => pool.end() };
}

/** Rows of a raw query; both drivers return `{ rows }`. */
export async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  // the one cast of a raw result: Db's result kind is abstract (PgQueryResultHKT), so execute is typed
  // unknown; both drivers answer { rows }, and T is the caller's word for the columns it selected
  const result = (await db.execute(query)) as { rows: T[] };
  return result.rows;
}
