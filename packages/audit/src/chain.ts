import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical";

export const genesisHash = "0".repeat(64);

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

/** Each entry commits to the previous entry's hash and to every field of its own. */
export function entryHash(fields: ChainedFields): string {
  const body = canonicalJson({ ...fields, at: fields.at.toISOString() });
  return createHash("sha256").update(body).digest("hex");
}
