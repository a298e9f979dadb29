import { appendAudit, canonicalJson } from "@isoloir/audit";
import {
  auditLog,
  type Db,
  keyFingerprint,
  organisations,
  publicKeyOf,
  purgeCertificates,
  purgePlans,
  purgeRuns,
  signText,
} from "@isoloir/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { BatchEntryDetails, type BatchTally } from "./batch";
import { sha256 } from "./digest";
import { PlanNotFoundError, PlanStateError, parseInput, parseStored } from "./errors";
import { memberPseudonym } from "./members";
import { type PurgePlan, readPlan } from "./plan";

export const certificateFormat = "isoloir.purge-certificate.v1";

const AuditRef = z.strictObject({ seq: z.number().int(), hash: z.string() });
const Counter = z.record(z.string(), z.number());

/**
 * What a certificate says. No personal data: members appear as their audit pseudonyms. Every object is
 * strict: a field the format does not have is refused by name, not dropped before the signature check.
 */
export const CertificateBody = z.strictObject({
  format: z.literal(certificateFormat),
  organisation: z.strictObject({ id: z.uuid(), name: z.string(), country: z.string() }),
  plan: z.strictObject({
    id: z.uuid(),
    hash: z.string(),
    policyVersion: z.string(),
    origin: z.string(),
    reasons: z.array(z.string()),
    scope: z.record(z.string(), z.unknown()),
    granularity: z.string(),
    asOf: z.string(),
    plannedAt: z.string(),
    expiresAt: z.string(),
    plannedBy: z.string(),
    approvedBy: z.string(),
    approvedAt: z.string(),
  }),
  run: z.strictObject({
    id: z.uuid(),
    runBy: z.string(),
    startedAt: z.string(),
    finishedAt: z.string(),
    batches: z.number(),
  }),
  counts: z.strictObject({
    planned: z.number(),
    deleted: z.number(),
    alreadyGone: z.number(),
    byReason: z.record(
      z.string(),
      z.strictObject({ planned: z.number(), deleted: z.number(), alreadyGone: z.number() }),
    ),
    byRule: Counter,
    byTable: Counter,
    contactsEdited: z.number(),
    suppressions: z.number(),
    /** edits of pending enrichment jobs, summed over batches (a job two batches edit counts twice) */
    queuedJobs: z.number(),
    needsHuman: z.number(),
  }),
  audit: z.strictObject({
    runStarted: AuditRef,
    batches: z.array(AuditRef.extend({ batch: z.number(), digest: z.string(), targets: z.number() })),
    runCompleted: AuditRef,
    /** SHA-256 over the batch digests, in batch order */
    erasureDigest: z.string(),
  }),
  issuedAt: z.string(),
});
export type CertificateBody = z.infer<typeof CertificateBody>;

export const Certificate = z.strictObject({
  body: CertificateBody,
  /** Ed25519 over canonicalJson(body), base64 */
  signature: z.string(),
  /** SPKI DER, base64 */
  publicKey: z.string(),
  keyFingerprint: z.string(),
});
export type Certificate = z.infer<typeof Certificate>;

export const certificateHash = (body: CertificateBody): string => sha256(canonicalJson(body));

/** The run's audit entries, in order: started, one per batch, completed. */
export async function runEntries(db: Db, orgId: string, runId: string) {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.orgId, orgId),
        sql`${auditLog.action} in ('purge.run_started', 'purge.batch', 'purge.run_completed')`,
        sql`${auditLog.details}->>'runId' = ${runId}`,
      ),
    )
    .orderBy(asc(auditLog.seq));
}

const add = (into: Record<string, number>, from: Record<string, number> = {}) => {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
};

/** Sums the batch entries: the certificate's counts come from the audit log itself. */
export function sumBatches(plan: PurgePlan, batches: BatchTally[]): CertificateBody["counts"] {
  const byReason: CertificateBody["counts"]["byReason"] = {};
  for (const [reason, c] of Object.entries(plan.counts.byReason))
    byReason[reason] = { planned: c?.targets ?? 0, deleted: 0, alreadyGone: 0 };
  const byTable: Record<string, number> = {};
  const totals = { deleted: 0, alreadyGone: 0, contactsEdited: 0, suppressions: 0, queuedJobs: 0 };
  for (const b of batches) {
    for (const [reason, c] of Object.entries(b.byReason)) {
      const entry = byReason[reason] ?? { planned: 0, deleted: 0, alreadyGone: 0 };
      entry.deleted += c.deleted;
      entry.alreadyGone += c.alreadyGone;
      byReason[reason] = entry;
    }
    add(byTable, b.byTable);
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += b[k];
  }
  return {
    planned: plan.counts.targets,
    ...totals,
    byReason,
    byRule: plan.counts.byRule,
    byTable,
    needsHuman: plan.counts.needsHuman.rows,
  };
}

function planSection(plan: PurgePlan, who: (id: string | null) => string): CertificateBody["plan"] {
  return {
    id: plan.id,
    hash: plan.planHash,
    policyVersion: plan.policyVersion,
    origin: plan.origin,
    reasons: plan.reasons,
    scope: plan.scope,
    granularity: plan.granularity,
    asOf: plan.asOf.toISOString(),
    plannedAt: plan.plannedAt.toISOString(),
    expiresAt: plan.expiresAt.toISOString(),
    plannedBy: who(plan.plannedBy),
    approvedBy: who(plan.approvedBy),
    approvedAt: plan.approvedAt?.toISOString() ?? "",
  };
}

async function buildBody(
  db: Db,
  hmacKey: string,
  plan: PurgePlan,
  run: typeof purgeRuns.$inferSelect,
): Promise<CertificateBody> {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, plan.orgId));
  if (!org) throw new PlanNotFoundError(plan.id);
  const entries = await runEntries(db, plan.orgId, run.id);
  const started = entries.find((e) => e.action === "purge.run_started");
  const completed = entries.find((e) => e.action === "purge.run_completed");
  if (!started || !completed)
    throw new PlanStateError(plan.id, "without a completed run in the audit log", "a certificate needs one");
  const batches = entries
    .filter((e) => e.action === "purge.batch")
    .map((e) => ({
      seq: e.seq,
      hash: e.hash,
      details: parseStored(BatchEntryDetails, e.details, `audit entry ${e.seq} (purge.batch)`),
    }));
  const who = (id: string | null) => (id ? memberPseudonym(hmacKey, plan.orgId, id) : "");
  return {
    format: certificateFormat,
    organisation: { id: org.id, name: org.name, country: org.country },
    plan: planSection(plan, who),
    run: {
      id: run.id,
      runBy: who(run.runBy),
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? "",
      batches: run.batches,
    },
    counts: sumBatches(
      plan,
      batches.map((b) => b.details),
    ),
    audit: {
      runStarted: { seq: started.seq, hash: started.hash },
      batches: batches.map(({ seq, hash, details: d }) => ({
        seq,
        hash,
        batch: d.batch,
        digest: d.digest,
        targets: d.targets,
      })),
      runCompleted: { seq: completed.seq, hash: completed.hash },
      erasureDigest: sha256(batches.map((b) => b.details.digest).join("\n")),
    },
    issuedAt: new Date().toISOString(),
  };
}

const CertificateRequest = z.object({ planId: z.uuid() });

/** Signs and stores the certificate of a completed plan, once (idempotent), and audits its hash and key. */
export async function issueCertificate(
  db: Db,
  ctx: { orgId: string; hmacKey: string; signingKey: string },
  rawInput: z.input<typeof CertificateRequest>,
): Promise<Certificate> {
  const { planId } = parseInput(CertificateRequest, rawInput);
  const existing = await getCertificate(db, { orgId: ctx.orgId, planId });
  if (existing) return existing;
  const [plan] = await db
    .select()
    .from(purgePlans)
    .where(and(eq(purgePlans.orgId, ctx.orgId), eq(purgePlans.id, planId)));
  if (!plan) throw new PlanNotFoundError(planId);
  const [run] = await db
    .select()
    .from(purgeRuns)
    .where(
      and(eq(purgeRuns.orgId, ctx.orgId), eq(purgeRuns.planId, planId), eq(purgeRuns.state, "completed")),
    );
  if (!run) throw new PlanStateError(planId, plan.state, "only a completed plan has a certificate");
  const body = await buildBody(db, ctx.hmacKey, readPlan(plan), run);
  const publicKey = publicKeyOf(ctx.signingKey);
  const certificate: Certificate = {
    body,
    signature: signText(ctx.signingKey, canonicalJson(body)),
    publicKey,
    keyFingerprint: keyFingerprint(publicKey),
  };
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(purgeCertificates)
      .values({
        orgId: ctx.orgId,
        planId,
        runId: run.id,
        body,
        signature: certificate.signature,
        publicKey,
        keyFingerprint: certificate.keyFingerprint,
      })
      .onConflictDoNothing()
      .returning({ id: purgeCertificates.id });
    if (inserted.length === 0) return (await getCertificate(tx, { orgId: ctx.orgId, planId })) ?? certificate;
    await appendAudit(tx, {
      orgId: ctx.orgId,
      action: "purge.certificate_issued",
      actor: memberPseudonym(ctx.hmacKey, ctx.orgId, run.runBy),
      target: `plan:${planId}`,
      details: {
        planId,
        runId: run.id,
        certificateHash: certificateHash(body),
        keyFingerprint: certificate.keyFingerprint,
      },
    });
    return certificate;
  });
}

export async function getCertificate(
  db: Db,
  ref: { orgId: string; planId: string },
): Promise<Certificate | undefined> {
  const [row] = await db
    .select()
    .from(purgeCertificates)
    .where(and(eq(purgeCertificates.orgId, ref.orgId), eq(purgeCertificates.planId, ref.planId)));
  if (!row) return undefined;
  return {
    body: CertificateBody.parse(row.body),
    signature: row.signature,
    publicKey: row.publicKey,
    keyFingerprint: row.keyFingerprint,
  };
}
