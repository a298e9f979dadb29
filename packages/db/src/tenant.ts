import { sql } from "drizzle-orm";
import type { Db } from "./client";

/**
 * Runs `fn` in a transaction as the restricted role isoloir_tenant with the organisation set, so
 * PostgreSQL's row-level security hides every other tenant's rows — a second wall behind the
 * org_id filter of every query.
 */
export async function withTenant<T>(db: Db, orgId: string, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('isoloir.org_id', ${orgId}, true)`);
    await tx.execute(sql`set local role isoloir_tenant`);
    return fn(tx);
  });
}
