import { admitPerson, recordObjection } from "@isoloir/contacts";
import { type Db, type DbHandle, generateSigningKey, rows } from "@isoloir/db";
import { testDatabases, testKeys } from "@isoloir/db/testing";
import { seedDemo } from "@isoloir/demo";
import { policy } from "@isoloir/policies";
import { classifierOf } from "@isoloir/policy";
import { compileToSql, decideRows, type FactsAction, factsFor, loadOrgFacts } from "@isoloir/policy-db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvePlan } from "./approve";
import { planPurge } from "./plan";
import { type ReasonKey, reasonKeys } from "./reasons";
import { runPurge } from "./run";
import { purgeScenario, scenarioAt } from "./testing";

// Objections outlive every purge: a purge writes (or widens) the suppression record of every objection
// of the people it removes, never deletes one, and a scoped record travels back onto a person who
// returns — the engine reads it as their objection, in memory and in SQL alike.

const signingKey = generateSigningKey();
const engine = policy();
const classOf = classifierOf(engine.rules);

interface RecordRow {
  id: string;
  kind: string;
  hmac: string;
  all_channels: boolean;
  channels: string[];
  at: string;
}
const recordsOf = async (db: Db, orgId: string) =>
  rows<RecordRow>(
    db,
    sql`select id::text, kind::text, hmac, all_channels, channels::text[] as channels, at::text
      from suppressions where org_id = ${orgId}::uuid`,
  );

/** Every objection with the identifier HMACs its contact has now. */
const objectionsWithIdentifiers = async (db: Db, orgId: string) =>
  rows<{
    contact_id: string;
    all_channels: boolean;
    channels: string[];
    at: string;
    hmacs: [string, string][];
  }>(
    db,
    sql`select o.contact_id::text, o.all_channels, o.channels::text[] as channels, o.at::text,
      (select coalesce(json_agg(json_build_array(k.kind, k.hmac)), '[]') from (values ('email', c.email_hmac),
        ('phone', c.phone_hmac), ('identity', c.identity_hmac)) k(kind, hmac) where k.hmac is not null) as hmacs
    from objections o join contacts c on c.org_id = o.org_id and c.id = o.contact_id
    where o.org_id = ${orgId}::uuid`,
  );

/** The objections (of the contacts named) that no record covers: one per identifier, wide and early enough. */
function uncovered(
  list: Awaited<ReturnType<typeof objectionsWithIdentifiers>>,
  records: RecordRow[],
): string[] {
  const byKey = new Map(records.map((r) => [`${r.kind}/${r.hmac}`, r]));
  const missing: string[] = [];
  for (const o of list) {
    for (const [kind, hmac] of o.hmacs) {
      const r = byKey.get(`${kind}/${hmac}`);
      const covers =
        r &&
        Date.parse(r.at) <= Date.parse(o.at) &&
        (r.all_channels || (!o.all_channels && o.channels.every((c) => r.channels.includes(c))));
      if (!covers) missing.push(`${o.contact_id} ${kind} ${o.all_channels ? "all" : o.channels.join(",")}`);
    }
  }
  return missing;
}

describe.each(testDatabases())("suppression across purges on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  async function purge(
    orgId: string,
    members: { planner: string; approver: string; runner: string },
    reasons: ReasonKey[],
    at: Date,
  ) {
    const ctx = (userId: string) => ({ orgId, userId, hmacKey: testKeys.hmacKey });
    const plan = await planPurge(handle.db, ctx(members.planner), { reasons, at });
    await approvePlan(handle.db, ctx(members.approver), { planId: plan.id, now: at });
    const touched = await rows<{ id: string; reason: string }>(
      handle.db,
      sql`select distinct contact_id::text as id, reason from purge_targets where plan_id = ${plan.id}::uuid`,
    );
    await runPurge(handle.db, { ...ctx(members.runner), signingKey }, { planId: plan.id, now: at });
    return { plan, touched };
  }

  it("denies every email to an email-only objector purged for retention and admitted again, and allows SMS", async () => {
    const s = await purgeScenario(handle.db, 6, 31);
    const ctx = { orgId: s.orgId, hmacKey: testKeys.hmacKey };
    const person = {
      firstName: "Inès",
      lastName: "Returning",
      email: "ines@return.example",
      phone: "0677889900",
    };
    const first = await admitPerson(handle.db, ctx, person, {
      source: "petition",
      collectorKind: "form",
      collectorRef: "form:petition-2026",
      collectedAt: new Date("2026-03-01T00:00:00Z"),
      legalBasis: "consent",
    });
    await recordObjection(handle.db, s.orgId, first.contactId, ["email"], new Date("2026-04-01T00:00:00Z"));
    const members = { planner: s.members.planner, approver: s.members.approver, runner: s.members.admin };
    const { touched } = await purge(s.orgId, members, ["retention"], scenarioAt);
    expect(touched).toContainEqual({ id: first.contactId, reason: "retention" });
    expect(await rows(handle.db, sql`select 1 from contacts where id = ${first.contactId}::uuid`)).toEqual(
      [],
    );

    const back = new Date("2026-12-01T00:00:00Z");
    const consent = (scope: "political_email" | "political_sms") => ({
      scope,
      mechanism: "double_opt_in" as const,
      capturedAt: back,
      evidenceRef: "form:signup-2026-12",
    });
    const again = await admitPerson(
      handle.db,
      ctx,
      person,
      {
        source: "newsletter_signup",
        collectorKind: "form",
        collectorRef: "form:newsletter",
        collectedAt: back,
        legalBasis: "consent",
      },
      [consent("political_email"), consent("political_sms")],
    );
    expect(again).toMatchObject({ created: true, objectionRestored: true });

    const at = new Date("2026-12-02T10:00:00Z");
    const org = await loadOrgFacts(handle.db, s.orgId);
    const decide = async (action: FactsAction) => {
      const [projected] = await factsFor(
        handle.db,
        { orgId: s.orgId, contactId: again.contactId },
        action,
        at,
        classOf,
      );
      if (!projected) throw new Error("no facts for the returning contact");
      const inMemory = engine.evaluate(projected.facts).decision;
      const inSql = (await decideRows(handle.db, compileToSql(engine, { org, action, at }))).find(
        (r) => r.contactId === again.contactId,
      )?.decision;
      expect(inSql).toBe(inMemory);
      return inMemory;
    };
    for (const messageKind of ["political", "consent_request", "service"] as const) {
      expect(await decide({ type: "contact", channel: "email", messageKind }), messageKind).toBe("deny");
    }
    expect(await decide({ type: "contact", channel: "sms", messageKind: "political" })).toBe("allow");

    // the record alone says so, without the recreated objection
    await handle.db.execute(sql`delete from objections where contact_id = ${again.contactId}::uuid`);
    expect(await decide({ type: "contact", channel: "email", messageKind: "political" })).toBe("deny");
    expect(await decide({ type: "contact", channel: "sms", messageKind: "political" })).toBe("allow");
  });

  it("on the demo with its legacy batch: every objection of every purged person is covered by a record, and no record goes", async () => {
    const now = new Date("2026-11-24T10:00:00Z");
    const demo = await seedDemo(handle.db, testKeys, { contacts: 300, now, force: true });
    const orgId = demo.orgId;
    const member = async (role: string) =>
      (
        await rows<{ id: string }>(
          handle.db,
          sql`select user_id::text as id from memberships where org_id = ${orgId}::uuid and role = ${role}::role`,
        )
      )[0]?.id ?? "";
    // as before objections wrote records: every partial objection on its contact alone (the legacy
    // batch's objectors to everything have no record either)
    await handle.db.execute(sql`delete from suppressions where org_id = ${orgId}::uuid and not all_channels`);
    const objectionsBefore = await objectionsWithIdentifiers(handle.db, orgId);
    const partial = objectionsBefore.filter((o) => !o.all_channels);
    expect(partial.length).toBeGreaterThan(0);
    const recordsBefore = await recordsOf(handle.db, orgId);

    const { plan, touched } = await purge(
      orgId,
      { planner: await member("admin"), approver: await member("compliance"), runner: await member("admin") },
      [...reasonKeys],
      now,
    );
    expect(plan.counts.targets).toBeGreaterThan(0);
    const purgedIds = new Set(touched.map((t) => t.id));
    const purgedObjections = objectionsBefore.filter((o) => purgedIds.has(o.contact_id));
    // partial objectors purged for another reason (retention, a forbidden source, an expired list)
    expect(purgedObjections.filter((o) => !o.all_channels).length).toBeGreaterThan(0);
    const after = await recordsOf(handle.db, orgId);
    expect(uncovered(purgedObjections, after)).toEqual([]);
    // no record removed or narrowed
    const afterById = new Map(after.map((r) => [r.id, r]));
    for (const r of recordsBefore) {
      const now = afterById.get(r.id);
      expect(now, `${r.kind} record`).toBeDefined();
      expect(now?.all_channels || !r.all_channels).toBe(true);
      expect(Date.parse(now?.at ?? "")).toBeLessThanOrEqual(Date.parse(r.at));
    }
  }, 300_000);
});
