import { canonicalJson, verifyAuditChain } from "@isoloir/audit";
import { auditLog, type Db, keyFingerprint, rows, verifyText } from "@isoloir/db";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { BatchEntryDetails } from "./batch";
import { Certificate, type CertificateBody, certificateHash, runEntries } from "./certificate";
import { sha256 } from "./digest";
import { BadCertificateError } from "./errors";

export interface Check {
  name: string;
  ok: boolean;
  detail?: string;
}

export interface Verification {
  ok: boolean;
  planId: string;
  checks: Check[];
}

/** Reads a certificate (parsed JSON); anything that is not one is a BadCertificateError. */
export function readCertificate(value: unknown): Certificate {
  const parsed = Certificate.safeParse(value);
  if (!parsed.success)
    throw new BadCertificateError(
      parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`),
    );
  return parsed.data;
}

function signatureChecks(c: Certificate, installationKey: string | undefined): Check[] {
  const fingerprint = keyFingerprint(c.publicKey);
  const checks: Check[] = [
    {
      name: "signature",
      ok: verifyText(c.publicKey, canonicalJson(c.body), c.signature),
      detail: "Ed25519 over the canonical body",
    },
    { name: "key fingerprint", ok: fingerprint === c.keyFingerprint, detail: fingerprint },
  ];
  if (installationKey) {
    const mine = keyFingerprint(installationKey);
    checks.push({ name: "signed by this installation's key", ok: mine === c.keyFingerprint, detail: mine });
  }
  return checks;
}

type Entry = Awaited<ReturnType<typeof runEntries>>[number];

/** A `purge.run_completed` entry's details, as read back. */
const RunCompletedDetails = z.object({ planned: z.number(), deleted: z.number(), alreadyGone: z.number() });

/** The batch entries' details, parsed; an entry that does not parse is named instead of summed. */
function batchTallies(batches: Entry[]) {
  const tallies = new Map<number, BatchEntryDetails>();
  const malformed: string[] = [];
  for (const b of batches) {
    const parsed = BatchEntryDetails.safeParse(b.details);
    if (parsed.success) tallies.set(b.seq, parsed.data);
    else
      malformed.push(
        `audit entry ${b.seq}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
  }
  return { tallies, malformed };
}

function entryChecks(body: CertificateBody, entries: Entry[]): Check[] {
  const bySeq = new Map(entries.map((e) => [e.seq, e]));
  const same = (ref: { seq: number; hash: string }, action: string) =>
    bySeq.get(ref.seq)?.hash === ref.hash && bySeq.get(ref.seq)?.action === action;
  const batches = entries.filter((e) => e.action === "purge.batch");
  const { tallies, malformed } = batchTallies(batches);
  const listed = body.audit.batches.every(
    (b) => same(b, "purge.batch") && tallies.get(b.seq)?.digest === b.digest,
  );
  const sums = { deleted: 0, alreadyGone: 0 };
  const byTable: Record<string, number> = {};
  for (const d of tallies.values()) {
    sums.deleted += d.deleted;
    sums.alreadyGone += d.alreadyGone;
    for (const [table, n] of Object.entries(d.byTable)) byTable[table] = (byTable[table] ?? 0) + n;
  }
  const tablesMatch = canonicalJson(byTable) === canonicalJson(body.counts.byTable);
  const completedEntry = RunCompletedDetails.safeParse(bySeq.get(body.audit.runCompleted.seq)?.details);
  const completed = completedEntry.success ? completedEntry.data : undefined;
  const erasure = sha256(body.audit.batches.map((b) => b.digest).join("\n"));
  return [
    {
      name: "run entries in the audit log",
      ok:
        same(body.audit.runStarted, "purge.run_started") &&
        same(body.audit.runCompleted, "purge.run_completed"),
    },
    {
      name: "every batch entry, and only those",
      ok: listed && batches.length === body.audit.batches.length && batches.length === body.run.batches,
      detail: `${batches.length} batches`,
    },
    {
      name: "counts match the audit log",
      ok:
        malformed.length === 0 &&
        tablesMatch &&
        sums.deleted === body.counts.deleted &&
        sums.alreadyGone === body.counts.alreadyGone &&
        completed?.deleted === body.counts.deleted &&
        completed?.planned === body.counts.planned,
      detail:
        malformed.length > 0
          ? `malformed batch entries: ${malformed.join(", ")}`
          : `deleted ${sums.deleted}, already gone ${sums.alreadyGone}`,
    },
    {
      name: "deleted + already gone = planned",
      ok: body.counts.deleted + body.counts.alreadyGone === body.counts.planned,
    },
    { name: "erasure digest", ok: erasure === body.audit.erasureDigest },
  ];
}

/** Each batch digest, recomputed from the erasure records the batch wrote. */
async function erasureChecks(db: Db, body: CertificateBody): Promise<Check> {
  const recomputed = await rows<{ batch: number; digest: string; n: number }>(
    db,
    sql`
    select batch, count(*)::int as n,
      encode(sha256(convert_to(string_agg(digest, E'\n' order by digest collate "C"), 'UTF8')), 'hex') as digest
    from erasure_records where org_id = ${body.organisation.id}::uuid and plan_id = ${body.plan.id}::uuid group by batch`,
  );
  const byBatch = new Map(recomputed.map((r) => [r.batch, r]));
  const bad = body.audit.batches.filter(
    (b) => byBatch.get(b.batch)?.digest !== b.digest || byBatch.get(b.batch)?.n !== b.targets,
  );
  return {
    name: "erasure records match each batch digest",
    ok: bad.length === 0 && recomputed.length === body.audit.batches.length,
    detail: bad.length > 0 ? `batches ${bad.map((b) => b.batch).join(", ")}` : undefined,
  };
}

async function issuedCheck(db: Db, c: Certificate): Promise<Check> {
  const issued = await db
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.orgId, c.body.organisation.id),
        eq(auditLog.action, "purge.certificate_issued"),
        sql`${auditLog.details}->>'planId' = ${c.body.plan.id}`,
      ),
    );
  const hash = certificateHash(c.body);
  const ok = issued.some(
    (e) => e.details.certificateHash === hash && e.details.keyFingerprint === c.keyFingerprint,
  );
  return { name: "issued in the audit log with this hash and key", ok, detail: hash };
}

/**
 * Verifies a certificate: its Ed25519 signature and key fingerprint (and, given the installation's
 * public key, that it signed it), then against the database — the audit chain is unbroken, the run's
 * entries are those it names, its counts are their sums, and every batch digest is the digest of the
 * erasure records that batch wrote.
 */
export async function verifyCertificate(
  db: Db,
  value: unknown,
  options: { installationPublicKey?: string } = {},
): Promise<Verification> {
  const c = readCertificate(value);
  const checks = signatureChecks(c, options.installationPublicKey);
  const chain = await verifyAuditChain(db, c.body.organisation.id);
  checks.push({
    name: "audit chain unbroken",
    ok: !chain.firstBroken && chain.entries > 0,
    detail: chain.firstBroken
      ? `broken at ${chain.firstBroken.seq} (${chain.firstBroken.reason})`
      : `${chain.entries} entries`,
  });
  checks.push(...entryChecks(c.body, await runEntries(db, c.body.organisation.id, c.body.run.id)));
  checks.push(await erasureChecks(db, c.body));
  checks.push(await issuedCheck(db, c));
  return { ok: checks.every((x) => x.ok), planId: c.body.plan.id, checks };
}
