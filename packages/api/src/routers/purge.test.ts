import { addMember } from "@isoloir/accounts";
import { admitPerson } from "@isoloir/contacts";
import { contacts, type DbHandle, generateSigningKey, type Keys } from "@isoloir/db";
import { testDatabases, testKeys } from "@isoloir/db/testing";
import { type JobQueue, openEmbeddedQueue } from "@isoloir/jobs";
import { PURGE_QUEUE, purgeErrorCodes, startPurgeWorker } from "@isoloir/purge";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeCode } from "../errors";
import { callerFor, orgWithTeam } from "../testing";

type Fixture = Awaited<ReturnType<typeof orgWithTeam>>;

const keys: Keys = { ...testKeys, signingKey: generateSigningKey() };

/** Contacts of a public-sector file: the forbidden_source reason takes them whole. */
async function forbiddenBatch(handle: DbHandle, f: Fixture, n: number) {
  for (let i = 0; i < n; i++) {
    await admitPerson(
      handle.db,
      { orgId: f.org.id, hmacKey: testKeys.hmacKey },
      { firstName: `F${i}`, lastName: "Canicule", email: `f${i}.${f.org.slug}@example.fr` },
      {
        source: "public_sector_file",
        collectorKind: "import",
        collectorRef: "import:canicule",
        collectedAt: new Date("2020-07-15T00:00:00Z"),
        legalBasis: "public_task",
      },
    );
  }
}

describe("the purge error adapter", () => {
  it.each(purgeErrorCodes)("maps %s to a tRPC code", (code) => {
    expect(new TRPCError({ code: purgeCode(code) }).code).toBe(purgeCode(code));
  });
});

describe.each(testDatabases())("the purge API on $name", (target) => {
  let handle: DbHandle;
  let jobs: JobQueue;
  let home: Fixture;
  let foreign: Fixture;
  let secondCompliance: string;

  beforeAll(async () => {
    handle = await target.open();
    jobs = await openEmbeddedQueue(handle.db);
    // as `isoloir serve` does once at start (procedures start no workers)
    await startPurgeWorker(jobs, { db: handle.db, hmacKey: keys.hmacKey, signingKey: keys.signingKey });
    [home, foreign] = [await orgWithTeam(handle.db), await orgWithTeam(handle.db)];
    await forbiddenBatch(handle, home, 5);
    secondCompliance = (
      await addMember(
        handle.db,
        home.org.id,
        { email: `c2.${home.org.slug}@example.fr`, name: "Second compliance", role: "compliance" },
        { grantedAt: new Date(Date.now() - 30 * 86_400_000) },
      )
    ).userId;
  });
  afterAll(async () => {
    await jobs?.stop({ graceful: false });
    await handle?.close();
  });

  const as = (userId: string) => callerFor(handle.db, handle.driver, userId, { jobs, keys });

  it("lists every reason with the rule ids behind it", async () => {
    const reasons = await (await as(home.members.admin)).purge.reasons();
    expect(reasons.find((r) => r.key === "forbidden_source")?.ruleIds).toContain(
      "FR-CNIL-SRC-PUBLIC-SECTOR-FILE",
    );
    expect(reasons.map((r) => r.key)).toContain("match_without_consent");
  });

  it("plans with exact counts per reason and rule id, and shows who may approve", async () => {
    const admin = await as(home.members.admin);
    const planned = await admin.purge.create({
      reasons: ["forbidden_source"],
      scope: { importId: "import:canicule" },
    });
    expect(planned).toMatchObject({ state: "planned", targets: 5, people: 5 });
    const plan = await admin.purge.get({ planId: planned.id });
    expect(plan.counts.byReason.forbidden_source).toMatchObject({ targets: 5, wholeContacts: 5 });
    expect(plan.counts.byRule["FR-CNIL-SRC-PUBLIC-SECTOR-FILE"]).toBe(5);
    expect(plan.samples.every((s) => /^contact:[0-9a-f]{16}$/.test(s.contact))).toBe(true);
    expect(plan.planHash).toMatch(/^[0-9a-f]{64}$/);
    expect(plan.approval).toMatchObject({ fourEyes: true, mayApprove: false, blocked: "not_compliance" });
    expect(plan.approval.approvers.map((a) => a.name).sort()).toEqual(
      [`compliance ${home.org.slug}`, "Second compliance"].sort(),
    );
    expect((await admin.purge.list()).map((p) => p.id)).toContain(planned.id);
  });

  it("refuses the planner's own approval under four eyes; another compliance member approves", async () => {
    const planner = await as(home.members.compliance);
    const planned = await planner.purge.create({
      reasons: ["forbidden_source"],
      scope: { importId: "import:canicule" },
    });
    const own = await planner.purge.get({ planId: planned.id });
    expect(own.approval).toMatchObject({ mayApprove: false, blocked: "own_plan" });
    await expect(
      planner.purge.approve({ planId: planned.id, planHash: planned.planHash }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      (await as(home.members.admin)).purge.approve({ planId: planned.id, planHash: planned.planHash }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const second = await as(secondCompliance);
    await expect(
      second.purge.approve({ planId: planned.id, planHash: "0".repeat(64) }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await second.purge.approve({ planId: planned.id, planHash: planned.planHash })).toMatchObject({
      state: "approved",
    });
    await expect(
      second.purge.approve({ planId: planned.id, planHash: planned.planHash }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("with four eyes off (by an owner only), a compliance member approves their own plan", async () => {
    await expect(
      (await as(home.members.admin)).organisation.setFourEyes({ enabled: false }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await (await as(home.members.owner)).organisation.setFourEyes({ enabled: false });
    try {
      const planner = await as(home.members.compliance);
      const planned = await planner.purge.create({ reasons: ["objected_all"] });
      expect((await planner.purge.get({ planId: planned.id })).approval).toMatchObject({
        fourEyes: false,
        mayApprove: true,
      });
      expect(await planner.purge.approve({ planId: planned.id, planHash: planned.planHash })).toMatchObject({
        state: "approved",
      });
    } finally {
      await (await as(home.members.owner)).organisation.setFourEyes({ enabled: true });
    }
  });

  it("answers NOT_FOUND for another organisation's plan", async () => {
    const planned = await (await as(home.members.admin)).purge.create({ reasons: ["objected_all"] });
    const outsider = await as(foreign.members.owner);
    await expect(outsider.purge.get({ planId: planned.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(outsider.purge.progress({ planId: planned.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(outsider.purge.certificate({ planId: planned.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      (await as(foreign.members.compliance)).purge.approve({
        planId: planned.id,
        planHash: planned.planHash,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(outsider.purge.run({ planId: planned.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("runs an approved plan as a job with progress, then certifies and verifies it", async () => {
    const admin = await as(home.members.admin);
    const planned = await admin.purge.create({
      reasons: ["forbidden_source"],
      scope: { importId: "import:canicule" },
    });
    await expect(admin.purge.run({ planId: planned.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await (await as(home.members.compliance)).purge.approve({
      planId: planned.id,
      planHash: planned.planHash,
    });
    await expect((await as(home.members.staff)).purge.run({ planId: planned.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const started = await admin.purge.run({ planId: planned.id });
    expect(started).toMatchObject({ total: 5 });
    await expect
      .poll(async () => (await admin.purge.progress({ planId: planned.id })).certified, {
        timeout: 30_000,
        interval: 200,
      })
      .toBe(true);
    const progress = await admin.purge.progress({ planId: planned.id });
    expect(progress).toMatchObject({
      planState: "completed",
      done: 5,
      total: 5,
      run: { state: "completed", deleted: 5, alreadyGone: 0 },
    });
    // a busy instance: more than a page of other plans' runs on the same queue since, and the view still finds this one
    for (let i = 0; i < 120; i++)
      await jobs.cancel(await jobs.send(PURGE_QUEUE, { other: i }, { singletonKey: `other-plan-${i}` }));
    expect((await admin.purge.progress({ planId: planned.id })).job).toMatchObject({
      id: started.jobId,
      state: "completed",
    });
    expect(await handle.db.$count(contacts, eq(contacts.orgId, home.org.id))).toBe(2);
    const { certificate, page, hash } = await admin.purge.certificate({ planId: planned.id });
    expect(certificate.body.counts).toMatchObject({ planned: 5, deleted: 5 });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(page).toContain(certificate.keyFingerprint);
    expect(page).not.toContain("Canicule");
    const verified = await (await as(home.members.compliance)).purge.verify({ certificate });
    expect(verified.checks.filter((c) => !c.ok)).toEqual([]);
    expect(verified.ok).toBe(true);
    const forged = {
      ...certificate,
      body: { ...certificate.body, counts: { ...certificate.body.counts, deleted: 4 } },
    };
    expect((await admin.purge.verify({ certificate: forged })).ok).toBe(false);
    await expect(admin.purge.verify({ certificate: { nonsense: true } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect((await as(foreign.members.owner)).purge.verify({ certificate })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe.each(testDatabases())("purge procedures on $name start no worker", (target) => {
  let handle: DbHandle;
  let jobs: JobQueue;
  let home: Fixture;

  beforeAll(async () => {
    handle = await target.open();
    jobs = await openEmbeddedQueue(handle.db); // no worker on it: isoloir serve starts them, not a procedure
    home = await orgWithTeam(handle.db);
    await forbiddenBatch(handle, home, 2);
  });
  afterAll(async () => {
    await jobs?.stop({ graceful: false });
    await handle?.close();
  });

  it("run only queues, and progress only reads: the job waits for a worker", async () => {
    const admin = await callerFor(handle.db, handle.driver, home.members.admin, { jobs, keys });
    const planned = await admin.purge.create({
      reasons: ["forbidden_source"],
      scope: { importId: "import:canicule" },
    });
    await (await callerFor(handle.db, handle.driver, home.members.compliance, { jobs, keys })).purge.approve({
      planId: planned.id,
      planHash: planned.planHash,
    });
    const started = await admin.purge.run({ planId: planned.id });
    for (let i = 0; i < 3; i++) {
      expect(await admin.purge.progress({ planId: planned.id })).toMatchObject({
        planState: "approved",
        done: 0,
        run: null,
        job: { id: started.jobId, state: "created" },
      });
      await new Promise((r) => setTimeout(r, 400)); // longer than a worker's poll interval (250 ms)
    }
  });
});
