import { createHmac } from "node:crypto";

export type PseudonymKind = "user" | "contact" | "member" | "system" | "provider" | "plan";

/**
 * A stable pseudonym for a person or thing in the audit log: `kind:` + 16 hex of a keyed HMAC.
 * Without the key, a pseudonym cannot be linked back to the id it stands for.
 */
export function pseudonym(hmacKey: string, orgId: string, kind: PseudonymKind, id: string): string {
  const digest = createHmac("sha256", hmacKey).update(`${orgId}\u0000${kind}\u0000${id}`).digest("hex");
  return `${kind}:${digest.slice(0, 16)}`;
}

export const systemActor = "system:isoloir";
