import {
  auditHeads,
  auditLog,
  type Db,
  keyFingerprint,
  organisations,
  publicKeyOf,
  rows,
  signText,
  verifyText,
} from "@isoloir/db";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { canonicalJson } from "./canonical";
import { type ChainReport, type VerifyOptions, verifyAuditChain } from "./verify";

/**
 * An anchor: the signed heads of the audit chains at one moment, kept outside the database. The log
 * must always extend it — the anchored entry still there with the anchored hash, and the chain
 * unbroken up to today's head.
 */
export const AnchorHead = z.object({
  orgId: z.uuid(),
  /** null for an organisation deleted since (its log stays) */
  slug: z.string().nullable(),
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** the anchored entry's time, ISO 8601 */
  at: z.string(),
});
export type AnchorHead = z.infer<typeof AnchorHead>;

export const AnchorBody = z.object({
  kind: z.literal("isoloir.audit-anchor"),
  version: z.literal(1),
  anchoredAt: z.string(),
  heads: z.array(AnchorHead),
  key: z.object({ algorithm: z.literal("Ed25519"), publicKey: z.string(), fingerprint: z.string() }),
});
export type AnchorBody = z.infer<typeof AnchorBody>;

export const Anchor = z.object({ body: AnchorBody, signature: z.string() });
export type Anchor = z.infer<typeof Anchor>;

export class BadAnchorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BadAnchorError";
  }
}

function signatureValid(body: AnchorBody): (signature: string) => boolean {
  return (signature) => verifyText(body.key.publicKey, canonicalJson(body), signature);
}

/** Every audit chain — those of deleted organisations too — or the one of `orgId`. */
export async function auditChains(db: Db, orgId?: string): Promise<{ orgId: string; slug: string | null }[]> {
  const filter = orgId ? sql`where c.org_id = ${orgId}::uuid` : sql``;
  return rows<{ orgId: string; slug: string | null }>(
    db,
    sql`select c.org_id as "orgId", o.slug from (
          select ${auditHeads.orgId} as org_id from ${auditHeads}
          union select ${organisations.id} from ${organisations}) c
        left join ${organisations} o on o.id = c.org_id ${filter}
        order by o.slug nulls last, c.org_id`,
  );
}

export interface AnchorResult {
  anchor: Anchor;
  /** chains not anchored because they do not verify */
  broken: (ChainReport & { slug: string | null })[];
}

/**
 * Signs the head of every chain that verifies (chains without entries have nothing to anchor).
 * A broken chain is left out and reported: an anchor vouches only for what verifies.
 */
export async function anchorAudit(
  db: Db,
  options: VerifyOptions & { signingKey: string; orgId?: string; now?: Date },
): Promise<AnchorResult> {
  const heads: AnchorHead[] = [];
  const broken: AnchorResult["broken"] = [];
  for (const chain of await auditChains(db, options.orgId)) {
    const report = await verifyAuditChain(db, chain.orgId, options);
    if (report.firstBroken) {
      broken.push({ ...report, slug: chain.slug });
      continue;
    }
    if (report.entries === 0) continue;
    const [entry] = await db
      .select({
        at: sql<string>`to_char(${auditLog.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, chain.orgId), eq(auditLog.seq, report.entries)));
    heads.push({
      orgId: chain.orgId,
      slug: chain.slug,
      seq: report.entries,
      hash: report.headHash,
      at: entry?.at ?? "",
    });
  }
  const publicKey = publicKeyOf(options.signingKey);
  const body: AnchorBody = {
    kind: "isoloir.audit-anchor",
    version: 1,
    anchoredAt: (options.now ?? new Date()).toISOString(),
    heads,
    key: { algorithm: "Ed25519", publicKey, fingerprint: keyFingerprint(publicKey) },
  };
  return { anchor: { body, signature: signText(options.signingKey, canonicalJson(body)) }, broken };
}

export interface AnchorFinding {
  orgId: string;
  slug: string | null;
  seq: number;
  reason:
    | "bad_signature"
    | "other_key"
    | "chain_broken"
    | "anchored_entry_missing"
    | "anchored_hash_mismatch";
  detail?: string;
}

export interface AnchorReport {
  ok: boolean;
  anchors: number;
  heads: number;
  findings: AnchorFinding[];
}

/** Parses an anchor document (BadAnchorError when it is not one). */
export function parseAnchor(value: unknown): Anchor {
  const parsed = Anchor.safeParse(value);
  if (!parsed.success)
    throw new BadAnchorError(`not an audit anchor: ${parsed.error.issues[0]?.message ?? ""}`);
  return parsed.data;
}

/**
 * Proves the log still extends every anchor: each signature holds (and, given the installation's
 * public key, is the installation's), each anchored entry exists with the anchored hash, and each
 * chain verifies from its first entry to its head.
 */
export async function verifyAnchors(
  db: Db,
  anchors: unknown[],
  options: VerifyOptions & { installationPublicKey?: string; orgIds?: string[] } = {},
): Promise<AnchorReport> {
  const parsed = anchors.map(parseAnchor);
  const findings: AnchorFinding[] = [];
  const chains = new Map<string, Promise<ChainReport>>();
  let heads = 0;
  for (const anchor of parsed) {
    const { body } = anchor;
    const signed = signatureValid(body)(anchor.signature);
    const ours = !options.installationPublicKey || body.key.publicKey === options.installationPublicKey;
    for (const head of body.heads) {
      if (options.orgIds && !options.orgIds.includes(head.orgId)) continue;
      heads++;
      const at = { orgId: head.orgId, slug: head.slug, seq: head.seq };
      if (!signed) {
        findings.push({ ...at, reason: "bad_signature" });
        continue;
      }
      if (!ours) {
        findings.push({ ...at, reason: "other_key", detail: body.key.fingerprint });
        continue;
      }
      const chain = chains.get(head.orgId) ?? verifyAuditChain(db, head.orgId, options);
      chains.set(head.orgId, chain);
      const report = await chain;
      if (report.firstBroken) {
        findings.push({
          ...at,
          reason: "chain_broken",
          detail: `entry ${report.firstBroken.seq}: ${report.firstBroken.reason}`,
        });
        continue;
      }
      const [entry] = await db
        .select({ hash: auditLog.hash })
        .from(auditLog)
        .where(and(eq(auditLog.orgId, head.orgId), eq(auditLog.seq, head.seq)));
      if (!entry || head.seq > report.entries)
        findings.push({
          ...at,
          reason: "anchored_entry_missing",
          detail: `the log ends at entry ${report.entries}`,
        });
      else if (entry.hash !== head.hash) findings.push({ ...at, reason: "anchored_hash_mismatch" });
    }
  }
  return { ok: findings.length === 0, anchors: parsed.length, heads, findings };
}
