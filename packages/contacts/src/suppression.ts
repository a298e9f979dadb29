import { type Db, suppressions } from "@isoloir/db";
import { and, eq, or } from "drizzle-orm";

export interface IdentifierHmacs {
  emailHmac: string | null;
  phoneHmac: string | null;
}

/** Which identifier, if any, matches the organisation's suppression list. */
export async function findSuppression(
  db: Db,
  orgId: string,
  hmacs: IdentifierHmacs,
): Promise<"email" | "phone" | undefined> {
  const matches = [
    hmacs.emailHmac ? and(eq(suppressions.kind, "email"), eq(suppressions.hmac, hmacs.emailHmac)) : undefined,
    hmacs.phoneHmac ? and(eq(suppressions.kind, "phone"), eq(suppressions.hmac, hmacs.phoneHmac)) : undefined,
  ].filter((m) => m !== undefined);
  if (matches.length === 0) return undefined;
  const [hit] = await db
    .select({ kind: suppressions.kind })
    .from(suppressions)
    .where(and(eq(suppressions.orgId, orgId), or(...matches)))
    .limit(1);
  return hit?.kind;
}

/** Adds the person's identifiers to the suppression list (idempotent). Only HMACs are stored. */
export async function suppress(
  db: Db,
  orgId: string,
  hmacs: IdentifierHmacs,
  reason: "objection" | "erasure",
): Promise<void> {
  const rows = [
    hmacs.emailHmac ? { orgId, kind: "email" as const, hmac: hmacs.emailHmac, reason } : undefined,
    hmacs.phoneHmac ? { orgId, kind: "phone" as const, hmac: hmacs.phoneHmac, reason } : undefined,
  ].filter((r) => r !== undefined);
  if (rows.length > 0) await db.insert(suppressions).values(rows).onConflictDoNothing();
}
