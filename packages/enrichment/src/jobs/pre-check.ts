import { type Db, rows, uuidArray } from "@isoloir/db";
import { sql } from "drizzle-orm";
import type { Network } from "../providers/types";

export const DAY = 86_400_000;

export interface PreCheck {
  email: string | null;
  /** data of this provider younger than the TTL is stored: no new call */
  fresh: boolean;
}

/**
 * Before a contact queues for the provider: its email, and whether fresh data is already stored — for
 * several contacts of one organisation in one statement. A contact not in the organisation is absent.
 */
export async function lookupPreChecks(
  db: Db,
  input: { orgId: string; provider: Network; contactIds: readonly string[] },
  now: Date,
  ttlMs = 30 * DAY,
): Promise<Map<string, PreCheck>> {
  if (input.contactIds.length === 0) return new Map();
  const since = new Date(now.getTime() - ttlMs).toISOString();
  const found = await rows<{ id: string; email: string | null; fresh: boolean }>(
    db,
    sql`select c.id::text as id, c.email,
      exists (select 1 from enrichments e where e.org_id = c.org_id and e.contact_id = c.id
        and e.provider = ${input.provider} and e.fetched_at > ${since}::timestamptz) as fresh
    from contacts c where c.org_id = ${input.orgId}::uuid and c.id = any(${uuidArray(input.contactIds)})`,
  );
  return new Map(found.map((r) => [r.id, { email: r.email, fresh: r.fresh === true }]));
}
