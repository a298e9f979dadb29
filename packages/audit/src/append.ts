import { type Db, rows } from "@isoloir/db";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { currentScheme, entryHash, entryMac, resolveMacKey } from "./chain";

export const AuditEntry = z.object({
  orgId: z.uuid(),
  action: z.string().min(1).max(80),
  /** a pseudonym (see pseudonym()), never an email or a name */
  actor: z.string().min(1).max(80),
  target: z.string().max(80).nullish(),
  details: z.record(z.string(), z.unknown()).default({}),
});
export type AuditEntry = z.input<typeof AuditEntry>;

export interface AppendOptions {
  /** the installation's HMAC key; by default the one `openDatabase` installed */
  hmacKey?: string;
}

/**
 * Appends one entry to the organisation's chain. Appends are serialised per organisation by locking
 * the chain head row FOR UPDATE, so two writers can never both extend the same head.
 */
export async function appendAudit(
  db: Db,
  input: AuditEntry,
  options: AppendOptions = {},
): Promise<{ seq: number; hash: string }> {
  const entry = AuditEntry.parse(input);
  return db.transaction(async (tx) => appendAuditWithin(tx, [entry], options));
}

interface Begun {
  head_seq: string | number;
  head_hash: string;
  at_us: string;
  details_text: string[];
}

/** Epoch microseconds as an ISO 8601 instant with six decimals, which timestamptz stores exactly. */
function isoMicros(atMicros: string): string {
  const us = BigInt(atMicros);
  const millis = new Date(Number(us / 1000n)).toISOString();
  return millis.replace("Z", `${String(us % 1000n).padStart(3, "0")}Z`);
}

function detailsTextOf(begun: Begun, i: number): string {
  const text = begun.details_text[i];
  if (text === undefined) throw new Error("audit_begin returned fewer details than entries");
  return text;
}

/**
 * Appends entries of one organisation, in order, inside the caller's transaction: they commit or
 * roll back with what they record. Two statements however many entries there are: `audit_begin`
 * locks the head and returns it with the database's clock and the stored text of each entry's
 * details (what the hash covers); one INSERT writes the entries, each with its hash and its MAC, and
 * the `audit_log_append` trigger checks each link and moves the head.
 */
export async function appendAuditWithin(
  tx: Db,
  inputs: AuditEntry[],
  options: AppendOptions = {},
): Promise<{ seq: number; hash: string }> {
  const entries = inputs.map((e) => AuditEntry.parse(e));
  const orgId = entries[0]?.orgId.toLowerCase();
  if (!orgId) throw new Error("appendAuditWithin needs at least one entry");
  if (entries.some((e) => e.orgId.toLowerCase() !== orgId))
    throw new Error("appendAuditWithin appends to one organisation's chain");
  const macKey = resolveMacKey(options.hmacKey);
  const details = JSON.stringify(entries.map((e) => e.details));
  const [begun] = await rows<Begun>(tx, sql`select * from audit_begin(${orgId}::uuid, ${details}::jsonb)`);
  if (!begun) throw new Error("audit_begin returned no head");
  let seq = Number(begun.head_seq);
  let hash = begun.head_hash;
  const at = isoMicros(begun.at_us);
  const values = entries.map((entry, i) => {
    const fields = {
      orgId,
      seq: seq + 1,
      atMicros: begun.at_us,
      action: entry.action,
      actor: entry.actor,
      target: entry.target ?? null,
      detailsText: detailsTextOf(begun, i),
      prevHash: hash,
    };
    seq = fields.seq;
    hash = entryHash(fields);
    return sql`(${orgId}::uuid, ${seq}, ${at}::timestamptz, ${fields.action}, ${fields.actor}, ${fields.target},
      ${fields.detailsText}::jsonb, ${fields.prevHash}, ${hash}, ${currentScheme}, ${entryMac(macKey, hash)})`;
  });
  await tx.execute(
    sql`insert into audit_log (org_id, seq, at, action, actor, target, details, prev_hash, hash, scheme, mac)
      values ${sql.join(values, sql`, `)}`,
  );
  return { seq, hash };
}
