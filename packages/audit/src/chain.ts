import { createHash, createHmac, hkdfSync } from "node:crypto";
import { installedHmacKey } from "@isoloir/db";
import { canonicalJson } from "./canonical";

export const genesisHash = "0".repeat(64);

/** How an entry is sealed: 1 = the plain hash of entries written before migration 0011, 2 = hash + MAC. */
export const currentScheme = 2;

export interface ChainedFields {
  orgId: string;
  seq: number;
  at: Date;
  action: string;
  actor: string;
  target: string | null;
  details: Record<string, unknown>;
  prevHash: string;
}

/**
 * Scheme 1, kept to verify entries written before migration 0011: canonical JSON of the fields as
 * JavaScript reads them — so it misses edits below a millisecond or beyond a double's precision.
 */
export function legacyEntryHash(fields: ChainedFields): string {
  const body = canonicalJson({ ...fields, at: fields.at.toISOString() });
  return createHash("sha256").update(body).digest("hex");
}

/** A scheme-2 entry exactly as stored: `at` in epoch microseconds, `details` as its jsonb text. */
export interface StoredFields {
  orgId: string;
  seq: number;
  atMicros: string;
  action: string;
  actor: string;
  target: string | null;
  detailsText: string;
  prevHash: string;
}

const field = (value: string | null): string =>
  value === null ? "-\n" : `${Buffer.byteLength(value, "utf8")}:${value}\n`;

/**
 * Scheme 2: SHA-256 over each stored field as `<UTF-8 length>:<text>\n` ("-\n" for NULL). The database
 * computes the same (`audit_entry_hash`, migration 0011) and refuses an insert whose hash differs.
 */
export function entryHash(fields: StoredFields): string {
  const body =
    "isoloir audit v2\n" +
    field(fields.orgId.toLowerCase()) +
    field(String(fields.seq)) +
    field(fields.atMicros) +
    field(fields.action) +
    field(fields.actor) +
    field(fields.target) +
    field(fields.detailsText) +
    field(fields.prevHash);
  return createHash("sha256").update(body, "utf8").digest("hex");
}

/** The MAC key: HKDF-SHA256 of the installation's HMAC key, labelled for this one use. Never stored. */
export function auditMacKey(hmacKey: string): Buffer {
  return Buffer.from(hkdfSync("sha256", hmacKey, "", "isoloir audit mac v1", 32));
}

/** HMAC-SHA256 of an entry's hash (which commits to every field, its place and its predecessor). */
export function entryMac(macKey: Buffer, hash: string): string {
  return createHmac("sha256", macKey).update(hash, "utf8").digest("hex");
}

/** The key given, else the one the process installed when it opened its database. */
export function resolveMacKey(hmacKey: string | undefined): Buffer {
  const key = hmacKey ?? installedHmacKey();
  if (!key)
    throw new Error("the audit log needs the installation's HMAC key: open the database with openDatabase");
  return auditMacKey(key);
}
