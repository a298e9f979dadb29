import {
  type Channel,
  channels as channelOrder,
  type Db,
  type IdentifierKind,
  rows,
  suppressionMerge,
  suppressions,
} from "@isoloir/db";
import { and, eq, or, sql } from "drizzle-orm";

/** A person's identifier HMACs, as stored on the contact; the identity one when all its parts are known. */
export interface IdentifierHmacs {
  emailHmac: string | null;
  phoneHmac: string | null;
  identityHmac?: string | null;
}

/** A suppression record's scope: everything, or these channels. */
export type SuppressionScope = "all" | Channel[];

export interface SuppressionRecord {
  kind: IdentifierKind;
  allChannels: boolean;
  channels: Channel[];
  at: Date;
}

/** The person's identifiers as (kind, HMAC) pairs, the absent ones left out. */
export function identifierPairs(hmacs: IdentifierHmacs): { kind: IdentifierKind; hmac: string }[] {
  const pairs: { kind: IdentifierKind; hmac: string | null | undefined }[] = [
    { kind: "email", hmac: hmacs.emailHmac },
    { kind: "phone", hmac: hmacs.phoneHmac },
    { kind: "identity", hmac: hmacs.identityHmac },
  ];
  return pairs.flatMap((p) => (p.hmac ? [{ kind: p.kind, hmac: p.hmac }] : []));
}

/** Every suppression record of the organisation that matches one of the person's identifiers. */
export async function findSuppressions(
  db: Db,
  orgId: string,
  hmacs: IdentifierHmacs,
): Promise<SuppressionRecord[]> {
  const matches = identifierPairs(hmacs).map((p) =>
    and(eq(suppressions.kind, p.kind), eq(suppressions.hmac, p.hmac)),
  );
  if (matches.length === 0) return [];
  return db
    .select({
      kind: suppressions.kind,
      allChannels: suppressions.allChannels,
      channels: suppressions.channels,
      at: suppressions.at,
    })
    .from(suppressions)
    .where(and(eq(suppressions.orgId, orgId), or(...matches)));
}

/** Which identifier, if any, matches a suppression record of scope `all` (the person may not enter). */
export async function findSuppression(
  db: Db,
  orgId: string,
  hmacs: IdentifierHmacs,
): Promise<IdentifierKind | undefined> {
  return (await findSuppressions(db, orgId, hmacs)).find((r) => r.allChannels)?.kind;
}

/**
 * Writes the person's identifiers to the suppression list with a scope and a date, merging with a record
 * already there (`all` wins, channels are united, the earliest date stays). Only HMACs are stored.
 * Returns how many records it wrote or widened.
 */
export async function suppress(
  db: Db,
  orgId: string,
  hmacs: IdentifierHmacs,
  reason: "objection" | "erasure",
  scope: SuppressionScope = "all",
  at: Date = new Date(),
): Promise<number> {
  const pairs = identifierPairs(hmacs);
  if (pairs.length === 0 || (scope !== "all" && scope.length === 0)) return 0;
  const all = scope === "all";
  const channels = all ? [] : channelOrder.filter((c) => scope.includes(c));
  const values = pairs.map(
    (p) =>
      sql`(${orgId}::uuid, ${p.kind}::identifier_kind, ${p.hmac}, ${all}, ${`{${channels.join(",")}}`}::channel[], ${at.toISOString()}::timestamptz, ${reason}::suppression_reason)`,
  );
  const written = await rows<{ n: number }>(
    db,
    sql`with w as (insert into suppressions (org_id, kind, hmac, all_channels, channels, at, reason)
      values ${sql.join(values, sql`, `)} ${suppressionMerge} returning 1) select count(*)::int as n from w`,
  );
  return written[0]?.n ?? 0;
}
