import { appendAuditWithin } from "@isoloir/audit";
import { channels as allChannels, type Channel, type Db, suppressionLifts, suppressions } from "@isoloir/db";
import { and, eq, or } from "drizzle-orm";
import { z } from "zod";
import { type IdentifierHmacs, identifierPairs } from "./suppression";

export const LiftEvidence = z
  .object({
    /** the person's own confirmed opt-in (a double opt-in token, a signed form) */
    evidenceRef: z.string().trim().min(1).max(300),
    /** who records it, as an audit pseudonym */
    actor: z.string().min(1).max(80),
    at: z.coerce.date().optional(),
  })
  .strict();
export type LiftEvidence = z.input<typeof LiftEvidence>;

/**
 * Shrinks the suppression records of a person's identifiers by `channels`, on the evidence of their own
 * confirmed opt-in (invariant 5: nothing else lifts a scope). A record of scope `all` becomes the other
 * channels; a record left with none is removed. Each lift keeps its history in `suppression_lifts` (the
 * scope before, what was lifted, when, on what evidence) and the whole is one audit entry, in the same
 * transaction. For the sign-up pages' confirmed opt-in only: imports, hand entry and staff actions never
 * call it. Returns how many records it changed.
 */
export async function liftSuppression(
  db: Db,
  orgId: string,
  identifiers: IdentifierHmacs,
  channels: Channel[],
  rawEvidence: LiftEvidence,
): Promise<{ lifted: number }> {
  const evidence = LiftEvidence.parse(rawEvidence);
  const at = evidence.at ?? new Date();
  const pairs = identifierPairs(identifiers);
  const wanted = new Set(z.array(z.enum(allChannels)).min(1).parse(channels));
  if (pairs.length === 0) return { lifted: 0 };
  return db.transaction(async (tx) => {
    const matches = await tx
      .select()
      .from(suppressions)
      .where(
        and(
          eq(suppressions.orgId, orgId),
          or(...pairs.map((p) => and(eq(suppressions.kind, p.kind), eq(suppressions.hmac, p.hmac)))),
        ),
      )
      .for("update");
    let lifted = 0;
    const liftedChannels = new Set<Channel>();
    for (const record of matches) {
      const scope = record.allChannels ? [...allChannels] : record.channels;
      const removed = scope.filter((c) => wanted.has(c));
      if (removed.length === 0) continue;
      const remaining = scope.filter((c) => !wanted.has(c));
      await tx.insert(suppressionLifts).values({
        orgId,
        kind: record.kind,
        hmac: record.hmac,
        wasAllChannels: record.allChannels,
        wasChannels: record.channels,
        lifted: removed,
        at,
        evidenceRef: evidence.evidenceRef,
      });
      const which = and(eq(suppressions.orgId, orgId), eq(suppressions.id, record.id));
      if (remaining.length === 0) await tx.delete(suppressions).where(which);
      else await tx.update(suppressions).set({ allChannels: false, channels: remaining }).where(which);
      lifted += 1;
      for (const c of removed) liftedChannels.add(c);
    }
    if (lifted > 0) {
      await appendAuditWithin(tx, [
        {
          orgId,
          action: "suppression.lifted",
          actor: evidence.actor,
          details: {
            records: lifted,
            channels: allChannels.filter((c) => liftedChannels.has(c)),
            evidenceRef: evidence.evidenceRef,
          },
        },
      ]);
    }
    return { lifted };
  });
}
