import { pseudonym, systemActor } from "@isoloir/audit";
import type { Db, DbHandle } from "@isoloir/db";
import * as schema from "@isoloir/db";
import { testKeys } from "@isoloir/db/testing";
import {
  checkGate,
  checkGates,
  createProvider,
  lookupPreChecks,
  type Network,
  sandboxDefaultToken,
  writeEnrichments,
} from "@isoloir/enrichment";
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
  /** false for a step shown for comparison, which the job does not also take */
  inSum?: boolean;
}

function countingHandle(handle: DbHandle): { db: Db; queries: () => number } {
  let queries = 0;
  const logger = {
    logQuery: () => {
      queries += 1;
    },
  };
  // kept: Db is driver-neutral on purpose and does not show the driver's client, which this harness
  // wraps again with a counting logger (typed never: it fits either driver's options)
  const client = (handle.db as unknown as { $client: never }).$client;
  const options = { client, schema, casing: "snake_case" as const, logger };
  const db: Db = handle.driver === "pglite" ? drizzlePglite(options) : drizzleNodePg(options);
  return { db, queries: () => queries };
}

/** One contact at a time: `timedBatches` with batches of one. */
function timed(
  name: string,
  ids: string[],
  counted: ReturnType<typeof countingHandle>,
  step: (id: string) => Promise<unknown>,
): Promise<Step> {
  return timedBatches(name, ids, counted, ([id]) => step(id ?? ""), 1);
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
  const preChecks = async (ids: string[]) => {
    const found = await lookupPreChecks(db, { orgId: target.orgId, provider, contactIds: ids }, new Date());
    for (const id of ids) emails.set(id, found.get(id)?.email ?? "");
  };
  const audit = (id: string) => ({
    orgId: target.orgId,
    action: "enrichment.lookup",
    actor: systemActor,
    target: pseudonym(testKeys.hmacKey, target.orgId, "contact", id),
    details: { provider, result: "found" },
  });
  const item = (id: string) => ({ ref: ref(id), profile, audit: audit(id) });
  const alone = target.contactIds.slice(0, size / 2);
  const batched = target.contactIds.slice(size / 2);
  return [
    await timedBatches(
      "pre-check: the email, fresh data? (lookupPreChecks, 32 contacts a statement)",
      target.contactIds,
      counted,
      preChecks,
      32,
    ),
    await timed("gate right before the call, alone (checkGate)", target.contactIds, counted, (id) =>
      checkGate(db, ref(id), new Date()),
    ),
    {
      ...(await timedBatches(
        "gate right before the call, 8 contacts a statement (checkGates, as a busy job)",
        target.contactIds,
        counted,
        (ids) => checkGates(db, ids.map(ref), new Date()),
        8,
      )),
      inSum: false,
    },
    await timed("HTTP lookup at the sandbox", target.contactIds, counted, (id) =>
      lookup.lookupByEmail(emails.get(id) ?? ""),
    ),
    {
      ...(await timed("guarded write + the call's audit, one contact per transaction", alone, counted, (id) =>
        writeEnrichments(db, [item(id)]),
      )),
      inSum: false,
    },
    await timedBatches(
      "guarded write + the call's audit, 8 contacts per transaction",
      batched,
      counted,
      (ids) => writeEnrichments(db, ids.map(item)),
      8,
    ),
  ];
}

/** A step that takes `size` contacts at a time, timed over all of them: the time and queries per contact. */
async function timedBatches(
  name: string,
  ids: string[],
  counted: ReturnType<typeof countingHandle>,
  step: (ids: string[]) => Promise<unknown>,
  size: number,
): Promise<Step> {
  const batches = Array.from({ length: Math.ceil(ids.length / size) }, (_, i) =>
    ids.slice(i * size, (i + 1) * size),
  );
  const before = counted.queries();
  const started = performance.now();
  for (const batch of batches) await step(batch);
  const ms = (performance.now() - started) / ids.length;
  return { name, ms, queries: (counted.queries() - before) / ids.length };
}
