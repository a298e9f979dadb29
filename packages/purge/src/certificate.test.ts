import { canonicalJson } from "@isoloir/audit";
import { tamperedThenRolledBack } from "@isoloir/audit/testing";
import {
  auditLog,
  type DbHandle,
  generateSigningKey,
  keyFingerprint,
  publicKeyOf,
  signText,
} from "@isoloir/db";
import { testDatabases } from "@isoloir/db/testing";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvePlan } from "./approve";
import type { Certificate } from "./certificate";
import { certificatePage } from "./certificate-page";
import { verifyCertificate } from "./certificate-verify";
import { planPurge } from "./plan";
import { reasonKeys } from "./reasons";
import { runPurge } from "./run";
import { ctxOf, purgeScenario, type Scenario, scenarioAt } from "./testing/scenario";

const signingKey = generateSigningKey();
const installationPublicKey = publicKeyOf(signingKey);

describe.each(testDatabases())("purge certificate on $name", (target) => {
  let handle: DbHandle;
  let s: Scenario;
  let certificate: Certificate;
  beforeAll(async () => {
    handle = await target.open();
    s = await purgeScenario(handle.db, 40, 51);
    const plan = await planPurge(handle.db, ctxOf(s, "planner"), {
      reasons: [...reasonKeys],
      at: scenarioAt,
    });
    await approvePlan(handle.db, ctxOf(s, "approver"), { planId: plan.id, now: scenarioAt });
    const outcome = await runPurge(
      handle.db,
      { ...ctxOf(s, "admin"), signingKey },
      { planId: plan.id, batchSize: 5, now: scenarioAt },
    );
    if (!outcome.certificate) throw new Error("no certificate");
    certificate = JSON.parse(JSON.stringify(outcome.certificate)) as Certificate;
  });
  afterAll(async () => handle?.close());

  const failed = async (c: unknown) =>
    (await verifyCertificate(handle.db, c, { installationPublicKey })).checks
      .filter((x) => !x.ok)
      .map((x) => x.name);
  const copy = (): Certificate => JSON.parse(JSON.stringify(certificate)) as Certificate;

  it("names planner, approver and runner by pseudonym, with counts per reason, rule id and table, and verifies", async () => {
    const { body } = certificate;
    expect(body.plan.plannedBy).toMatch(/^user:[0-9a-f]{16}$/);
    expect(new Set([body.plan.plannedBy, body.plan.approvedBy, body.run.runBy]).size).toBe(3);
    expect(body.counts.deleted + body.counts.alreadyGone).toBe(body.counts.planned);
    expect(Object.keys(body.counts.byReason)).toContain("objected_all");
    expect(body.counts.byRule["EU-GDPR-ART21-OBJECTION"]).toBeGreaterThan(0);
    expect(body.counts.byTable).toMatchObject({
      contacts: expect.any(Number),
      provenance: expect.any(Number),
      consents: expect.any(Number),
    });
    expect(certificate.keyFingerprint).toBe(keyFingerprint(installationPublicKey));
    const report = await verifyCertificate(handle.db, certificate, { installationPublicKey });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it("holds no personal data", async () => {
    const text = JSON.stringify(certificate) + certificatePage(certificate);
    expect(text).not.toMatch(/@purge\.example|Kind-|"P\d+"|Lyon|rue du Test/);
    for (const id of s.kinds.keys()) expect(text).not.toContain(id);
    for (const id of Object.values(s.members)) expect(text).not.toContain(id);
  });

  it("fails on an edited body: the signature no longer holds", async () => {
    const edited = copy();
    edited.body.counts.deleted -= 1;
    expect(await failed(edited)).toEqual(
      expect.arrayContaining([
        "signature",
        "counts match the audit log",
        "issued in the audit log with this hash and key",
      ]),
    );
  });

  it("fails on a body re-signed with another key", async () => {
    const forger = generateSigningKey();
    const forged = copy();
    forged.body.counts.byTable.contacts = 0;
    forged.publicKey = publicKeyOf(forger);
    forged.keyFingerprint = keyFingerprint(forged.publicKey);
    forged.signature = signText(forger, canonicalJson(forged.body));
    expect(await failed(forged)).toEqual([
      "signed by this installation's key",
      "counts match the audit log",
      "issued in the audit log with this hash and key",
    ]);
  });

  it("fails when the audit log or the erasure records no longer match it", async () => {
    const [batch] = certificate.body.audit.batches;
    await handle.db.execute(
      sql`delete from erasure_records where plan_id = ${certificate.body.plan.id}::uuid and batch = ${batch?.batch ?? 0} and digest = (select min(digest) from erasure_records where plan_id = ${certificate.body.plan.id}::uuid and batch = ${batch?.batch ?? 0})`,
    );
    expect(await failed(certificate)).toEqual(["erasure records match each batch digest"]);
    // the audit log refuses UPDATE: an attacker has to switch its triggers off (a superuser can)
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx
        .update(auditLog)
        .set({ details: sql`jsonb_set(${auditLog.details}, '{deleted}', '0')` })
        .where(and(eq(auditLog.orgId, s.orgId), eq(auditLog.seq, batch?.seq ?? 0)));
    });
    expect(await failed(certificate)).toEqual(
      expect.arrayContaining([
        "audit chain unbroken",
        "counts match the audit log",
        "erasure records match each batch digest",
      ]),
    );
  });

  it("names a batch entry of the audit log that does not parse instead of summing it", async () => {
    const [batch] = certificate.body.audit.batches;
    // the audit triggers refuse any edit: only an attacker with the triggers off can make one
    const report = await tamperedThenRolledBack(handle, async (tx) => {
      await tx
        .update(auditLog)
        .set({ details: sql`jsonb_set(${auditLog.details}, '{alreadyGone}', '"none"')` })
        .where(and(eq(auditLog.orgId, s.orgId), eq(auditLog.seq, batch?.seq ?? 0)));
      return verifyCertificate(tx, certificate, { installationPublicKey });
    });
    const counts = report.checks.find((c) => c.name === "counts match the audit log");
    expect(counts).toMatchObject({
      ok: false,
      detail: expect.stringContaining(`audit entry ${batch?.seq}: alreadyGone`),
    });
  });

  it("refuses a certificate with a missing, wrongly typed or unknown field, naming it", async () => {
    const { body } = copy();
    const { id: _id, ...runWithoutId } = body.run;
    const missing = { ...copy(), body: { ...body, run: runWithoutId } };
    const typed = { ...copy(), body: { ...body, counts: { ...body.counts, deleted: "12" } } };
    const extra = { ...copy(), body: { ...body, note: "added after signing" } };
    const { signature: _signature, ...unsigned } = copy();
    for (const [bad, field] of [
      [missing, "body.run.id"],
      [typed, "body.counts.deleted"],
      [extra, 'body: Unrecognized key: "note"'],
      [unsigned, "signature"],
    ] as const) {
      await expect(verifyCertificate(handle.db, bad)).rejects.toMatchObject({
        code: "bad_certificate",
        message: expect.stringContaining(field),
      });
    }
  });

  it("refuses what is not a certificate", async () => {
    await expect(verifyCertificate(handle.db, { hello: "world" })).rejects.toMatchObject({
      code: "bad_certificate",
    });
  });

  it("renders a readable page with the counts, the plan hash and the key fingerprint", () => {
    const page = certificatePage(certificate);
    expect(page).toContain(certificate.body.plan.hash);
    expect(page).toContain(certificate.keyFingerprint);
    expect(page).toContain("people who objected to everything");
    expect(page).toMatch(/^<!doctype html>/);
  });
});
