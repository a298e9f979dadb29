import type { DbHandle } from "@isoloir/db";
import { testDatabases } from "@isoloir/db/testing";
import { policy } from "@isoloir/policies";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeWorld, type World, worldArb } from "../testing/world";
import { type Comparison, compareOrganisation } from "./agreement";
import { defaultTranslators, type Translators } from "./compile-node";
import { instantLiteral } from "./terms";

const WORLDS = Number(process.env.AGREEMENT_WORLDS ?? 50);
const CONTACTS_PER_WORLD = 200;

async function compareWorld(handle: DbHandle, world: World, translators?: Translators): Promise<Comparison> {
  const orgId = await storeWorld(handle.db, world);
  const actions = [{ type: "import" as const }, { type: "retain" as const }, ...world.actions];
  return compareOrganisation(
    handle.db,
    policy(),
    orgId,
    world.ats.map((t) => new Date(t)),
    actions,
    translators,
  );
}

/** Facts with the case format's defaults only (docs/policy-cases.md): the database never states them. */
const internalFactPattern =
  /"(message\.[a-zA-Z]+|paidBoost|actor\.[a-z]+|notice\.[a-z]+|processingRecordEntry|dpiaDone)"/;

const describeFirst = (c: Comparison) => JSON.stringify(c.disagreements.slice(0, 2), null, 1);

describe.each(testDatabases())("compileToSql and the engine on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  it("decide every generated contact and provenance row alike, deny reasons included", async () => {
    const total = { contacts: 0, decisions: 0, allow: 0, deny: 0, escalate: 0 };
    const fired = new Set<string>();
    await fc.assert(
      fc.asyncProperty(worldArb(CONTACTS_PER_WORLD), async (world) => {
        const result = await compareWorld(handle, world);
        total.contacts += world.contacts.length;
        total.decisions += result.decisions;
        for (const k of ["allow", "deny", "escalate"] as const) total[k] += result.counts[k];
        for (const id of Object.keys(result.deniedBy)) fired.add(id);
        if (result.disagreements.length > 0) {
          throw new Error(`${result.disagreements.length} disagreements, e.g. ${describeFirst(result)}`);
        }
      }),
      { numRuns: WORLDS, seed: 2027_06_13, endOnFailure: true },
    );
    expect(total.contacts).toBeGreaterThanOrEqual(10_000);
    expect(total.allow).toBeGreaterThan(0);
    expect(total.deny).toBeGreaterThan(0);
    expect(total.escalate).toBeGreaterThan(0);
    // every prohibition fired somewhere, except those that read facts a stored contact cannot carry
    const silent = policy()
      .rules.filter((r) => r.deny.length > 0 && !fired.has(r.id))
      .filter((r) => !internalFactPattern.test(JSON.stringify(r.deny)));
    expect(silent.map((r) => r.id)).toEqual([]);
  }, 900_000);

  // The agreement test must bite: one node kind translated wrongly, and it finds a disagreement.
  const mutations: Record<string, Translators> = {
    "cmp with < read as <=": {
      cmp: (n, s, r) => {
        const node = n as Extract<typeof n, { kind: "cmp" }>;
        const op = node.op === "<" ? "<=" : node.op === ">" ? ">=" : node.op === "<=" ? "<" : ">";
        return defaultTranslators.cmp({ ...node, op }, s, r);
      },
    },
    "enrichmentSwitch ignoring the switch": { enrichmentSwitch: () => true },
    // a suppression record scoped to channels is an objection: reading the contact's own rows alone
    // (as before scoped records counted) lets a returning objector be messaged again
    "objection ignoring scoped suppression records": {
      objection: (n, s) => {
        const { covers } = n as Extract<typeof n, { kind: "objection" }>;
        const channel =
          s.action.type === "contact" && covers === "action-channel" ? s.action.channel : undefined;
        const coversChannel = channel ? sql` or bool_or(${channel}::text = any(o.channels::text[]))` : sql``;
        return sql`coalesce((select min(o.at) <= ${instantLiteral(s.atMs)} and (bool_or(o.all_channels)${coversChannel})
          from objections o where o.org_id = c.org_id and o.contact_id = c.id), false)`;
      },
    },
    "consent ignoring withdrawal and evidence": {
      consent: (n, s, r) =>
        defaultTranslators.consent(
          { ...(n as Extract<typeof n, { kind: "consent" }>), state: "recorded" },
          s,
          r,
        ),
    },
  };
  it.each(Object.entries(mutations))(
    "fails when %s",
    async (_name, translators) => {
      let found = 0;
      for (const world of fc.sample(worldArb(40), { numRuns: 30, seed: 7 })) {
        found += (await compareWorld(handle, world, translators)).disagreements.length;
        if (found > 0) break;
      }
      expect(found).toBeGreaterThan(0);
    },
    300_000,
  );
});
