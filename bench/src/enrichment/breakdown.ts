import { appendAudit, pseudonym, systemActor } from "@isoloir/audit";
import * as schema from "@isoloir/db";
import { contacts, type Db, type DbHandle, enrichments } from "@isoloir/db";
import { testKeys } from "@isoloir/db/testing";
import {
  checkGate,
  createProvider,
  type Network,
  sandboxDefaultToken,
  writeEnrichment,
} from "@isoloir/enrichment";
import { and, eq } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { campaign } from "./campaign";

// Where one lookup's time goes: each step the job takes per contact, run on its own, one contact after
// another, on a drizzle handle over the same client that counts the queries it sends.

export interface Step {
  name: string;
  /** per contact */
  ms: number;
  queries: number;
}

function countingHandle(handle: DbHandle): { db: Db; queries: () => number } {
  let queries = 0;
  const logger = {
    logQuery: () => {
      queries += 1;
    },
  };
  const client = (handle.db as unknown as { $client: never }).$client;
  const options = { client, schema, casing: "snake_case" as const, logger };
  const db = (handle.driver === "pglite" ? drizzlePglite(options) : drizzleNodePg(options)) as unknown as Db;
  return { db, queries: () => queries };
}

async function timed(
  name: string,
  ids: string[],
  counted: ReturnType<typeof countingHandle>,
  step: (id: string) => Promise<unknown>,
): Promise<Step> {
  const before = counted.queries();
  const started = performance.now();
  for (const id of ids) await step(id);
  const ms = (performance.now() - started) / ids.length;
  return { name, ms, queries: (counted.queries() - before) / ids.length };
}

const profile = {
  network: "twitter" as const,
  handle: "@x",
  profileUrl: "https://twitter.example/x",
  photoUrl: null,
  location: null,
  bio: null,
  followers: null,
};

/** The steps over `size` fresh contacts, after a warm-up over 20 others (JIT, caches). */
export async function breakdown(
  handle: DbHandle,
  sandboxUrl: string,
  provider: Network,
  size: number,
): Promise<Step[]> {
  await stepsOver(handle, sandboxUrl, provider, 20);
  return stepsOver(handle, sandboxUrl, provider, size);
}

async function stepsOver(
  handle: DbHandle,
  sandboxUrl: string,
  provider: Network,
  size: number,
): Promise<Step[]> {
  const counted = countingHandle(handle);
  const { db } = counted;
  const target = await campaign(handle.db, provider, size);
  const ref = (contactId: string) => ({ orgId: target.orgId, contactId, provider });
  const lookup = createProvider(provider, { baseUrl: sandboxUrl, token: sandboxDefaultToken(provider) });
  const emails = new Map<string, string>();
  const preChecks = async (id: string) => {
    const mine = (t: typeof enrichments | typeof contacts) => eq(t.orgId, target.orgId);
    await db
      .select({ id: enrichments.id })
      .from(enrichments)
      .where(and(mine(enrichments), eq(enrichments.contactId, id)))
      .limit(1);
    const [row] = await db
      .select({ email: contacts.email })
      .from(contacts)
      .where(and(mine(contacts), eq(contacts.id, id)));
    emails.set(id, row?.email ?? "");
  };
  return [
    await timed(
      "pre-checks: fresh data? the email (2 selects, as the job)",
      target.contactIds,
      counted,
      preChecks,
    ),
    await timed("gate right before the call (checkGate)", target.contactIds, counted, (id) =>
      checkGate(db, ref(id), new Date()),
    ),
    await timed("HTTP lookup at the sandbox", target.contactIds, counted, (id) =>
      lookup.lookupByEmail(emails.get(id) ?? ""),
    ),
    await timed("audit of the call (appendAudit)", target.contactIds, counted, (id) =>
      appendAudit(db, {
        orgId: target.orgId,
        action: "enrichment.lookup",
        actor: systemActor,
        target: pseudonym(testKeys.hmacKey, target.orgId, "contact", id),
        details: { provider, result: "found" },
      }),
    ),
    await timed("guarded write (writeEnrichment, gate again)", target.contactIds, counted, (id) =>
      writeEnrichment(db, ref(id), profile),
    ),
  ];
}
