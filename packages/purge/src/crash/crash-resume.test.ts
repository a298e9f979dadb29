import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { verifyAuditChain } from "@isoloir/audit";
import {
  contacts,
  type DbHandle,
  generateSigningKey,
  openPglite,
  openPostgres,
  publicKeyOf,
  purgeRuns,
  rows,
  suppressions,
} from "@isoloir/db";
import { createThrowawayDatabase, testKeys } from "@isoloir/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { approvePlan } from "../approve";
import { getCertificate } from "../certificate";
import { verifyCertificate } from "../certificate-verify";
import { planPurge } from "../plan";
import { reasonKeys } from "../reasons";
import { type ChildResult, type Kill, runChild } from "../testing/crash-harness";
import {
  ctxOf,
  fingerprint,
  frozenTargets,
  prng,
  purgeScenario,
  scenarioAt,
  uuidList,
} from "../testing/scenario";

// One child process per seed runs the plan; it is SIGKILLed mid-batch, at a batch boundary and at a
// random moment, and resumed each time. Afterwards: no target row left, every other row unchanged,
// exactly one completed run, an unbroken audit chain and a certificate that verifies.

const seeds = Array.from({ length: Number(process.env.PURGE_CRASH_SEEDS ?? 20) }, (_, i) => i + 1);
const batchSize = 5;
const signingKey = generateSigningKey();

interface Store {
  open: () => Promise<DbHandle>;
  childArgs: Record<string, unknown>;
  env: NodeJS.ProcessEnv;
  /** the key the children sign with */
  signingKey: () => string;
  dispose: () => Promise<void>;
}

const stores: { name: string; create: () => Promise<Store> }[] = [
  ...(process.env.DATABASE_URL
    ? [
        {
          name: "postgres",
          create: async (): Promise<Store> => {
            const database = await createThrowawayDatabase(process.env.DATABASE_URL ?? "", "isoloir_crash");
            return {
              open: () => openPostgres(database.url, { max: 2 }),
              childArgs: { url: database.url },
              env: { ISOLOIR_HMAC_KEY: testKeys.hmacKey, ISOLOIR_SIGNING_KEY: signingKey },
              signingKey: () => signingKey,
              dispose: database.drop,
            };
          },
        },
      ]
    : []),
  {
    name: "pglite",
    create: async (): Promise<Store> => {
      const dir = mkdtempSync(join(tmpdir(), "isoloir-crash-"));
      const dataDir = join(dir, "pglite");
      // embedded mode keeps its keys beside the data directory: the children MAC their audit entries
      // under the same HMAC key as this process
      writeFileSync(`${dataDir}.keys.json`, JSON.stringify({ hmacKey: testKeys.hmacKey, signingKey }), {
        mode: 0o600,
      });
      return {
        open: () => openPglite(dataDir),
        childArgs: { dataDir },
        env: {},
        signingKey: () => signingKey,
        dispose: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
];

/** Three kills per seed: mid-batch, at a later batch boundary, and at a random moment after the database opened. */
function killsFor(seed: number, batches: number): Kill[] {
  const random = prng(seed * 7919);
  const mid = 1 + Math.floor(random() * batches);
  const boundary = mid + Math.floor(random() * (batches - mid + 1));
  return [
    { point: "mid", batch: mid },
    { point: "boundary", batch: Math.min(boundary, batches) },
    { afterMs: 100 + Math.floor(random() * 1500) },
  ];
}

async function prepare(store: Store, seed: number) {
  const handle = await store.open();
  try {
    const s = await purgeScenario(handle.db, 60, seed);
    const plan = await planPurge(handle.db, ctxOf(s, "planner"), {
      reasons: [...reasonKeys],
      at: scenarioAt,
    });
    await approvePlan(handle.db, ctxOf(s, "approver"), { planId: plan.id, now: scenarioAt });
    const frozen = await frozenTargets(handle.db, s.orgId, plan.id);
    const before = await fingerprint(handle.db, s.orgId, frozen);
    const objectorHmacs = await rows<{ h: string }>(
      handle.db,
      sql`select email_hmac as h from contacts where id = any(${uuidList(frozen.objectors)}) and email_hmac is not null`,
    );
    const expectedSuppressed = [
      ...new Set([...(await suppressedOf(handle, s.orgId)), ...objectorHmacs.map((r) => r.h)]),
    ].sort();
    return { s, plan, frozen, before, expectedSuppressed };
  } finally {
    await handle.close();
  }
}

const suppressedOf = async (handle: DbHandle, orgId: string) =>
  (await handle.db.select({ h: suppressions.hmac }).from(suppressions).where(eq(suppressions.orgId, orgId)))
    .map((r) => r.h)
    .sort();

async function check(store: Store, p: Awaited<ReturnType<typeof prepare>>) {
  const handle = await store.open();
  try {
    const { s, plan, frozen, before } = p;
    const left = await rows<{ n: number }>(
      handle.db,
      sql`select (
      (select count(*) from contacts where id = any(${uuidList(frozen.whole)})) + (select count(*) from provenance where id = any(${uuidList(frozen.rows)}))
      + (select count(*) from provenance where contact_id = any(${uuidList(frozen.whole)})) + (select count(*) from purge_targets where plan_id = ${plan.id}::uuid))::int as n`,
    );
    expect(left[0]?.n).toBe(0);
    const { suppressions: _a, ...after } = await fingerprint(handle.db, s.orgId, frozen);
    const { suppressions: _b, ...expected } = before;
    expect(after).toEqual(expected);
    expect(await suppressedOf(handle, s.orgId)).toEqual(p.expectedSuppressed);
    const runs = await handle.db.select().from(purgeRuns).where(eq(purgeRuns.planId, plan.id));
    expect(runs.map((r) => r.state)).toEqual(["completed"]);
    expect(runs[0]).toMatchObject({ deleted: plan.counts.targets, alreadyGone: 0 });
    expect((await verifyAuditChain(handle.db, s.orgId)).firstBroken).toBeUndefined();
    const certificate = await getCertificate(handle.db, { orgId: s.orgId, planId: plan.id });
    const report = await verifyCertificate(handle.db, certificate, {
      installationPublicKey: publicKeyOf(store.signingKey()),
    });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(await handle.db.$count(contacts, eq(contacts.orgId, s.orgId))).toBe(
      s.kinds.size - frozen.whole.length,
    );
  } finally {
    await handle.close();
  }
}

describe.each(stores)("crash-resume with SIGKILL on $name", ({ name, create }) => {
  // what the kills hit, over the seeds run: printed at the end, never asserted on (each seed asserts its own)
  const tally: Record<ChildResult["ended"], number> & { children: number; batches: number } = {
    killed_at_point: 0,
    killed_at_random: 0,
    exited: 0,
    children: 0,
    batches: 0,
  };
  afterAll(() => {
    process.stdout.write(`crash-resume ${name}: ${JSON.stringify(tally)}\n`);
  });

  it.each(seeds)(
    `seed %i: killed three times, resumed, no residue and no collateral damage (${name})`,
    async (seed) => {
      const store = await create();
      try {
        const p = await prepare(store, seed);
        const args = {
          ...store.childArgs,
          orgId: p.s.orgId,
          userId: p.s.members.admin,
          planId: p.plan.id,
          batchSize,
          hmacKey: testKeys.hmacKey,
          now: scenarioAt.toISOString(),
        };
        const batches = Math.ceil(p.plan.counts.targets / batchSize);
        expect(batches).toBeGreaterThan(0);
        const kills = killsFor(seed, batches);
        const ended: ChildResult["ended"][] = [];
        for (const kill of kills) {
          const result = await runChild(args, kill, store.env);
          tally.children += 1;
          tally[result.ended] += 1;
          ended.push(result.ended);
          // a kill at a point hits that point: the child said it stopped there, and died there
          if (kill && "point" in kill) {
            expect(result.stdout, result.stderr).toContain(`POINT ${kill.point} ${kill.batch}\n`);
            expect(result.ended).toBe("killed_at_point");
          }
          if (result.ended === "exited") expect(result.stdout, result.stderr).toMatch(/DONE completed/);
        }
        // mid-batch, then at a batch boundary; the random kill may come after the run finished
        expect(ended.slice(0, 2)).toEqual(["killed_at_point", "killed_at_point"]);
        const last = await runChild(args, undefined, store.env);
        tally.children += 1;
        expect(last.stdout, last.stderr).toMatch(/DONE completed \d+ certified/);
        tally.batches += batches;
        await check(store, p);
      } finally {
        await store.dispose();
      }
    },
    // a seed is ~8 s on PostgreSQL and ~20 s on PGlite alone, and 2-3x that beside other suites
    600_000,
  );
});
