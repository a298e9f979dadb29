import { addMember } from "@isoloir/accounts";
import { admitPerson } from "@isoloir/contacts";
import {
  consents,
  contactAssignments,
  countrySettings,
  type DbHandle,
  enrichments,
  generateSigningKey,
  type Keys,
  providerAllowList,
  type Role,
  roles,
} from "@isoloir/db";
import { testDatabases, testKeys } from "@isoloir/db/testing";
import { writeEnrichment } from "@isoloir/enrichment";
import { type JobQueue, openEmbeddedQueue } from "@isoloir/jobs";
import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, orgWithTeam } from "./testing";

// The IDOR sweep: two organisations, A and B, each with a team and data (contacts with consents and an
// objection, enriched data, an enrichment job, an approved purge plan with its queued run, audit entries).
// Every role of A calls every procedure that takes an id — in a direct field, in a filter, in an array —
// with B's ids, thousands of times (a seeded PRNG picks the procedure, the role and the ids). Each attempt
// is paired with the same call carrying A's own ids, which must not be NOT_FOUND (the call's shape is
// right, so B's refusal is the tenant boundary's, not a typo's). No answer may carry B's ids, emails or
// names, and B's rows are fingerprinted before and after: a refused mutation changed nothing.

const attempts = Number(process.env.ISOLOIR_IDOR_ATTEMPTS ?? 10_000);
const seed = Number(process.env.ISOLOIR_IDOR_SEED ?? 20_270_611);
/** one attempt in this many gets its paired control (the first of each procedure and role always does) */
const controlEvery = Number(process.env.ISOLOIR_IDOR_CONTROL_EVERY ?? 10);

/** mulberry32: small, seeded, good enough to pick procedures, roles and ids. */
function prng(start: number) {
  let a = start >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T };
}
type Rng = ReturnType<typeof prng>;

const keys: Keys = { ...testKeys, signingKey: generateSigningKey() };
const networks = ["facebook", "linkedin", "twitter", "meetup"] as const;

/** One organisation's world, and every id, email and name of it an answer could leak. */
async function world(handle: DbHandle, jobs: JobQueue, label: string) {
  const { db, driver } = handle;
  const team = await orgWithTeam(db);
  const { org } = team;
  const as = (role: Role) => callerFor(db, driver, team.members[role], { jobs, keys });
  const spare = await addMember(db, org.id, {
    email: `spare.${org.slug}@example.fr`,
    name: `Spare ${label} ${org.slug}`,
    role: "volunteer",
  });
  // a person who consented to enrichment, under a name no other organisation holds
  const person = await admitPerson(
    db,
    { orgId: org.id, hmacKey: keys.hmacKey },
    {
      firstName: `Zénobie${label}`,
      lastName: `Quarante-${org.slug}`,
      email: `zenobie.${org.slug}@example.fr`,
      country: "FR",
    },
    {
      source: "newsletter_signup",
      collectorKind: "form",
      collectorRef: `form:${org.slug}`,
      collectedAt: new Date("2026-10-01T10:00:00Z"),
      legalBasis: "consent",
    },
    [
      {
        scope: "social_enrichment",
        mechanism: "unticked_checkbox",
        capturedAt: new Date("2026-10-01T10:00:00Z"),
        evidenceRef: `form:${org.slug}#enrich`,
      },
      {
        scope: "political_email",
        mechanism: "unticked_checkbox",
        capturedAt: new Date("2026-10-01T10:00:00Z"),
        evidenceRef: `form:${org.slug}#email`,
      },
    ],
  );
  const contactIds = [...team.contactIds, person.contactId];
  await db
    .insert(contactAssignments)
    .values(contactIds.map((contactId) => ({ orgId: org.id, userId: team.members.volunteer, contactId })));
  // an enrichment job (queued; no worker runs it), then enriched data
  await db.insert(countrySettings).values({ orgId: org.id, country: "FR", enrichmentEnabled: true });
  await db.insert(providerAllowList).values({ orgId: org.id, provider: "twitter", allowed: true });
  const started = await (await as("staff")).enrichment.start({ provider: "twitter" });
  await writeEnrichment(
    db,
    { orgId: org.id, contactId: person.contactId, provider: "twitter" },
    {
      network: "twitter",
      handle: `@zenobie_${org.slug}`,
      profileUrl: `https://twitter.example/${org.slug}`,
      photoUrl: null,
      location: null,
      bio: null,
      followers: 7,
    },
  );
  // an objection, then an approved purge plan of the objectors, and its queued run
  await (await as("owner")).contacts.object({ contactId: team.contactIds[1] ?? "", scope: "all" });
  const plan = await (await as("admin")).purge.create({ reasons: ["objected_all"] });
  await (await as("compliance")).purge.approve({ planId: plan.id, planHash: plan.planHash });
  const run = await (await as("owner")).purge.run({ planId: plan.id });
  const consentIds = (
    await db.select({ id: consents.id }).from(consents).where(eq(consents.orgId, org.id))
  ).map((c) => c.id);
  const enrichmentIds = (
    await db.select({ id: enrichments.id }).from(enrichments).where(eq(enrichments.orgId, org.id))
  ).map((e) => e.id);
  const userIds = [...Object.values(team.members), spare.userId];
  return {
    ...team,
    spare: spare.userId,
    contactIds,
    consentIds,
    person: { contactId: person.contactId, name: `Zénobie${label}`, email: `zenobie.${org.slug}@example.fr` },
    plan: { id: plan.id, planHash: plan.planHash },
    jobIds: [started.jobId, run.jobId],
    enrichmentJob: started.jobId,
    userIds,
    importId: `import:${org.slug}`,
    /** what no answer to another organisation may contain: its ids, and its slug (in every email and member name) */
    secrets: [
      org.id,
      org.slug,
      ...userIds,
      ...contactIds,
      ...consentIds,
      ...enrichmentIds,
      plan.id,
      plan.planHash,
      started.jobId,
      run.jobId,
      `Zénobie${label}`,
    ],
  };
}
type World = Awaited<ReturnType<typeof world>>;

/** A digest of every row of the organisation: each table with an org_id, its members' users, its jobs. */
async function fingerprint(handle: DbHandle, orgId: string): Promise<Record<string, string>> {
  const rows = async (query: ReturnType<typeof sql>) => {
    const result = (await handle.db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
    return result.rows;
  };
  const tables = await rows(sql`
    select c.table_name as name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and c.column_name = 'org_id' and t.table_type = 'BASE TABLE'
    order by 1`);
  const digest: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await rows(
      sql`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h
          from ${sql.identifier(String(name))} t where t.org_id = ${orgId}`,
    );
    digest[String(name)] = `${row?.n}:${row?.h}`;
  }
  const [users] = await rows(
    sql`select count(*)::int as n, md5(coalesce(string_agg(u::text, '|' order by u::text), '')) as h from users u
        where u.id in (select user_id from memberships where org_id = ${orgId})`,
  );
  digest.users = `${users?.n}:${users?.h}`;
  const [jobs] = await rows(
    sql`select count(*)::int as n, md5(coalesce(string_agg(j::text, '|' order by j::text), '')) as h
        from isoloir_jobs.jobs j where j.data->>'orgId' = ${orgId}`,
  );
  digest.jobs = `${jobs?.n}:${jobs?.h}`;
  return digest;
}

/** The ids a probe draws from a world. */
interface Draw {
  contact: string;
  consent: string;
  /** the contact that gave the consents */
  consenting: string;
  user: string;
  plan: { id: string; planHash: string };
  job: string;
  contacts: string[];
  org: string;
  search: string;
  importId: string;
}

function draw(w: World, rng: Rng): Draw {
  const some = (ids: string[]) => ids.filter(() => rng.next() < 0.5).concat(rng.pick(ids));
  return {
    contact: rng.pick(w.contactIds),
    consent: rng.pick(w.consentIds),
    consenting: w.person.contactId,
    user: rng.pick(w.userIds),
    plan: w.plan,
    job: w.enrichmentJob,
    contacts: some(w.contactIds),
    org: w.org.id,
    search: rng.pick([w.person.name, w.person.email, `Quarante-${w.org.slug}`]),
    importId: w.importId,
  };
}

type Outcome = { ok: true; value: unknown } | { ok: false; code: string; message: string };

interface Probe {
  path: string;
  /** the call with B's ids (`foreign`), with A's (`own`), or a mix: `own` is the paired control's */
  input: (ids: { foreign: Draw; own: Draw }, rng: Rng) => { attempt: unknown; control: unknown };
  /** a read that answers B's ids with nothing rather than NOT_FOUND: what "nothing" is */
  empty?: (value: unknown) => boolean;
  /** whether the control may find nothing too (otherwise a filter must find A's rows) */
  controlMayBeEmpty?: boolean;
  /** how often the sweep picks it, relative to the others */
  weight: number;
}

const total = (value: unknown) => (value as { total: number }).total;

const probes: Probe[] = [
  // direct ids, reads
  {
    path: "contacts.get",
    weight: 8,
    input: ({ foreign, own }) => ({ attempt: { id: foreign.contact }, control: { id: own.contact } }),
  },
  {
    path: "enrichment.forContact",
    weight: 8,
    input: ({ foreign, own }) => ({
      attempt: { contactId: foreign.contact },
      control: { contactId: own.contact },
    }),
  },
  {
    path: "enrichment.job",
    weight: 6,
    input: ({ foreign, own }) => ({ attempt: { id: foreign.job }, control: { id: own.job } }),
  },
  {
    path: "purge.get",
    weight: 6,
    input: ({ foreign, own }) => ({ attempt: { planId: foreign.plan.id }, control: { planId: own.plan.id } }),
  },
  {
    path: "purge.progress",
    weight: 6,
    input: ({ foreign, own }) => ({ attempt: { planId: foreign.plan.id }, control: { planId: own.plan.id } }),
  },
  {
    path: "purge.certificate",
    weight: 3,
    input: ({ foreign, own }) => ({ attempt: { planId: foreign.plan.id }, control: { planId: own.plan.id } }),
  },
  // filters and arrays: B's ids and names must match nothing, and mixed in must change nothing
  {
    path: "contacts.list",
    weight: 6,
    empty: (v) => total(v) === 0,
    input: ({ foreign, own }) => ({ attempt: { search: foreign.search }, control: { search: own.search } }),
  },
  {
    path: "enrichment.preview",
    weight: 6,
    empty: (v) => total(v) === 0,
    input: ({ foreign, own }, rng) => ({
      attempt: { provider: rng.pick(networks), filter: { contactIds: foreign.contacts } },
      control: { provider: "twitter", filter: { contactIds: own.contacts } },
    }),
  },
  {
    path: "enrichment.preview",
    weight: 3,
    empty: (v) => total(v) === 0,
    input: ({ foreign, own }) => ({
      attempt: { provider: "twitter", filter: { search: foreign.search } },
      control: { provider: "twitter", filter: { search: own.search } },
    }),
  },
  // mutations: each must be refused, and leave B as it was
  {
    path: "contacts.withdrawConsent",
    weight: 2,
    input: ({ foreign, own }, rng) => {
      // B's consent under B's contact, under A's contact, and A's consent under B's contact
      const [contactId, consentId] = rng.pick([
        [foreign.consenting, foreign.consent],
        [own.consenting, foreign.consent],
        [foreign.consenting, own.consent],
        [foreign.contact, foreign.consent],
      ]);
      return {
        attempt: { contactId, consentId },
        control: { contactId: own.consenting, consentId: own.consent },
      };
    },
  },
  {
    path: "contacts.object",
    weight: 1,
    input: ({ foreign, own }) => ({
      attempt: { contactId: foreign.contact, scope: "all" },
      control: { contactId: own.contact, scope: ["sms"] },
    }),
  },
  {
    path: "enrichment.remove",
    weight: 2,
    input: ({ foreign, own }, rng) => {
      const provider = rng.next() < 0.5 ? rng.pick(networks) : undefined;
      return {
        attempt: { contactId: foreign.contact, provider },
        control: { contactId: own.contact, provider: "meetup" },
      };
    },
  },
  {
    path: "enrichment.start",
    weight: 1,
    input: ({ foreign, own }) => ({
      attempt: { provider: "twitter", filter: { contactIds: foreign.contacts } },
      control: { provider: "twitter", filter: { contactIds: own.contacts } },
    }),
  },
  {
    path: "members.changeRole",
    weight: 1,
    input: ({ foreign }, rng) => {
      const role = rng.pick(["admin", "compliance", "staff", "volunteer"] as const);
      return { attempt: { userId: foreign.user, role }, control: { userId: "spare", role } };
    },
  },
  {
    // the control removes no one: A's only owner cannot be removed (CONFLICT), nor by an admin (FORBIDDEN)
    path: "members.remove",
    weight: 1,
    input: ({ foreign }) => ({ attempt: { userId: foreign.user }, control: { userId: "owner" } }),
  },
  {
    path: "auth.switchOrganisation",
    weight: 2,
    input: ({ foreign, own }) => ({ attempt: { orgId: foreign.org }, control: { orgId: own.org } }),
  },
  {
    path: "purge.approve",
    weight: 1,
    input: ({ foreign, own }) => ({
      attempt: { planId: foreign.plan.id, planHash: foreign.plan.planHash },
      control: { planId: own.plan.id, planHash: own.plan.planHash },
    }),
  },
  {
    path: "purge.run",
    weight: 1,
    input: ({ foreign, own }) => ({ attempt: { planId: foreign.plan.id }, control: { planId: own.plan.id } }),
  },
  {
    path: "purge.create",
    weight: 1,
    empty: (v) => (v as { targets: number; people: number }).targets + (v as { people: number }).people === 0,
    controlMayBeEmpty: true,
    input: ({ foreign, own }) => ({
      attempt: { reasons: ["objected_all"], scope: { importId: foreign.importId } },
      control: { reasons: ["objected_all"], scope: { importId: own.importId } },
    }),
  },
];

type Procedure = (input?: unknown) => Promise<unknown>;
function procedureAt(caller: object, path: string): Procedure {
  let at: unknown = caller;
  for (const key of path.split(".")) at = (at as Record<string, unknown>)[key];
  return at as Procedure;
}

describe.each(testDatabases())("IDOR sweep on $name", (target) => {
  let handle: DbHandle;
  let jobs: JobQueue;
  let a: World;
  let b: World;
  beforeAll(async () => {
    handle = await target.open();
    jobs = await openEmbeddedQueue(handle.db); // no worker: queued jobs stay as they are
    a = await world(handle, jobs, "A");
    b = await world(handle, jobs, "B");
  });
  afterAll(async () => {
    await jobs?.stop({ graceful: false });
    await handle?.close();
  });

  it(`${attempts} calls of A's roles with B's ids find nothing of B and change nothing`, async () => {
    const before = await fingerprint(handle, b.org.id);
    const callers = Object.fromEntries(
      await Promise.all(
        roles.map(async (role) => [
          role,
          await callerFor(handle.db, handle.driver, a.members[role], { jobs, keys }),
        ]),
      ),
    ) as Record<Role, object>;
    const rng = prng(seed);
    const weighted = probes.flatMap((p) => Array.from({ length: p.weight }, () => p));
    const call = async (role: Role, path: string, input: unknown): Promise<Outcome> => {
      try {
        return { ok: true, value: await procedureAt(callers[role], path)(input) };
      } catch (error) {
        if (!(error instanceof TRPCError)) throw error;
        return { ok: false, code: error.code, message: error.message };
      }
    };
    const problems: string[] = [];
    const paired = new Set<string>();
    const tally = new Map<string, { attempts: number; controls: number; refused: number; empty: number }>();
    const leaked = (outcome: Outcome, sent: unknown) => {
      // the ids the caller sent may be echoed back ("plan <id> not found"); anything else of B may not
      let text = JSON.stringify(outcome.ok ? outcome.value : outcome.message) ?? "";
      for (const id of JSON.stringify(sent).match(/[0-9a-f-]{36}|[0-9a-f]{64}/g) ?? [])
        text = text.replaceAll(id, "");
      return b.secrets.filter((secret) => text.includes(secret));
    };
    for (let i = 0; i < attempts && problems.length <= 20; i++) {
      const probe = rng.pick(weighted);
      const role = rng.pick(roles);
      const { attempt, control } = probe.input({ foreign: draw(b, rng), own: draw(a, rng) }, rng);
      const controlInput = resolveOwn(control, a);
      const row = tally.get(probe.path) ?? { attempts: 0, controls: 0, refused: 0, empty: 0 };
      tally.set(probe.path, row);
      row.attempts++;
      const outcome = await call(role, probe.path, attempt);
      const found = leaked(outcome, attempt);
      if (found.length > 0) problems.push(`${probe.path} as ${role} with B's ids leaked ${found.join(", ")}`);
      if (outcome.ok) {
        if (probe.empty?.(outcome.value)) row.empty++;
        else problems.push(`${probe.path} as ${role} accepted B's ids: ${JSON.stringify(attempt)}`);
      } else if (["FORBIDDEN", "NOT_FOUND", "BAD_REQUEST"].includes(outcome.code)) row.refused++;
      else problems.push(`${probe.path} as ${role} with B's ids: ${outcome.code} (${outcome.message})`);
      // the paired control — for the first attempt of each procedure and role, then one attempt in
      // `controlEvery`: the same call with A's own ids is not NOT_FOUND (and a filter finds A's rows)
      const pair = `${probe.path} ${role}`;
      if (paired.has(pair) && i % controlEvery !== 0) continue;
      paired.add(pair);
      const own = await call(role, probe.path, controlInput);
      row.controls++;
      if (!own.ok && ["NOT_FOUND", "INTERNAL_SERVER_ERROR"].includes(own.code))
        problems.push(`${probe.path} as ${role} with A's own ids: ${own.code} (${own.message})`);
      if (own.ok && !probe.controlMayBeEmpty && probe.empty?.(own.value))
        problems.push(
          `${probe.path} as ${role} found nothing with A's own ids: ${JSON.stringify(controlInput)}`,
        );
    }
    const after = await fingerprint(handle, b.org.id);
    const counts = [...tally.values()].reduce(
      (s, r) => ({ attempts: s.attempts + r.attempts, controls: s.controls + r.controls }),
      {
        attempts: 0,
        controls: 0,
      },
    );
    console.info(
      `IDOR sweep on ${target.name} (seed ${seed}): ${counts.attempts} attempts with B's ids, ${counts.controls} paired controls with A's\n${[
        ...tally,
      ]
        .sort(([x], [y]) => x.localeCompare(y))
        .map(
          ([path, r]) =>
            `  ${path}: ${r.attempts} attempts (${r.refused} refused, ${r.empty} empty), ${r.controls} controls`,
        )
        .join("\n")}`,
    );
    expect(problems.join("\n")).toBe("");
    expect(counts.attempts).toBe(attempts);
    expect(after).toEqual(before);
    expect(Object.keys(before).length).toBeGreaterThan(10);
  }, 240_000);
});

/** Controls name A's spare member or owner by a placeholder; everything else is already A's. */
function resolveOwn(control: unknown, a: World): unknown {
  const input = control as { userId?: string };
  if (input?.userId === "spare") return { ...input, userId: a.spare };
  if (input?.userId === "owner") return { ...input, userId: a.members.owner };
  return control;
}
