import type { DbHandle } from "@isoloir/db";
import { testDatabases } from "@isoloir/db/testing";
import { policy } from "@isoloir/policies";
import { classifierOf } from "@isoloir/policy";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectFacts } from "./facts-for";
import { loadOrgContactRows } from "./load";
import { loadContactRows, loadContactsRows } from "./load-contacts";
import { allActions, storeWorld, worldArb } from "./testing/world";

// The gate reads one contact with a hand-written statement; the agreement suite reads whole
// organisations with drizzle selects. Both must project to the same facts, for every action.

/** Arrays in a canonical order: row order is not part of the facts. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value))
    return value.map(canonical).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

describe.each(testDatabases())("loadContactRows on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  it("projects every generated contact exactly as the organisation-wide load does", async () => {
    const classOf = classifierOf(policy().rules);
    let compared = 0;
    for (const world of fc.sample(worldArb(50), { numRuns: 6, seed: 2026_12_02 })) {
      const orgId = await storeWorld(handle.db, world);
      const at = new Date(world.ats[0] ?? Date.now());
      const people = await loadOrgContactRows(handle.db, orgId);
      const together = await loadContactsRows(
        handle.db,
        orgId,
        people.map((p) => p.contact.id),
      );
      expect(together.size).toBe(people.length);
      for (const whole of people) {
        const one = await loadContactRows(handle.db, orgId, whole.contact.id);
        if (!one) throw new Error(`contact ${whole.contact.id} not loaded on its own`);
        expect(together.get(whole.contact.id)).toEqual(one);
        for (const action of [{ type: "import" as const }, { type: "retain" as const }, ...allActions]) {
          const expected = canonical(projectFacts(whole, action, at, classOf));
          expect(canonical(projectFacts(one, action, at, classOf))).toEqual(expected);
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(6 * 50 * 10);
  }, 300_000);

  it("finds nothing for another organisation's contact", async () => {
    const world = fc.sample(worldArb(1), { numRuns: 1, seed: 5 })[0];
    if (!world) throw new Error("no world sampled");
    const [mine, theirs] = [await storeWorld(handle.db, world), await storeWorld(handle.db, world)];
    const id = (await loadOrgContactRows(handle.db, mine))[0]?.contact.id ?? "";
    expect(await loadContactRows(handle.db, theirs, id)).toBeUndefined();
    expect((await loadContactsRows(handle.db, theirs, [id])).size).toBe(0);
  });

  it("refuses an id that is not a uuid before it reaches SQL", async () => {
    await expect(
      loadContactsRows(handle.db, "00000000-0000-0000-0000-000000000000", ["x}','{y"]),
    ).rejects.toThrow("not a uuid");
  });
});
