import { appendAudit } from "@isoloir/audit";
import { type Db, organisations, purgePlans } from "@isoloir/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { parseInput } from "./errors";
import { type PurgeContext, requireCapability, systemPlanner } from "./members";
import { createPlanRecord, type PurgePlan } from "./plan";
import { retentionReasons } from "./reasons";

const DAY = 86_400_000;

export const NightlyInput = z.object({ on: z.boolean() }).strict();

/** Opts the organisation in or out of the nightly retention plan (a member who may plan purges; audited). */
export async function setNightlyRetention(
  db: Db,
  ctx: PurgeContext,
  rawInput: z.input<typeof NightlyInput>,
): Promise<boolean> {
  const { on } = parseInput(NightlyInput, rawInput);
  const { ctx: acting, actor } = await requireCapability(db, ctx, "planPurge");
  await db.transaction(async (tx) => {
    await tx
      .update(organisations)
      .set({ nightlyRetentionPurge: on })
      .where(eq(organisations.id, acting.orgId));
    await appendAudit(tx, {
      orgId: acting.orgId,
      action: "purge.schedule_changed",
      actor,
      details: { nightlyRetention: on, reasons: retentionReasons },
    });
  });
  return on;
}

export interface NightlyResult {
  orgId: string;
  /** the new plan waiting for approval, unless nothing was due */
  plan?: PurgePlan;
  /** earlier nightly plans nobody approved, now expired */
  expired: number;
}

export const NightlyRun = z
  .object({ hmacKey: z.string().min(1), now: z.date().optional(), orgId: z.uuid().optional() })
  .strict();

/**
 * The nightly job: for every organisation that opted in, expires yesterday's unapproved nightly plan
 * and plans the retention reasons as of now. The plan waits for a compliance member's approval like
 * any other (its planner is the system, so four eyes always holds); nothing is deleted unattended.
 */
export async function planNightlyRetention(
  db: Db,
  rawInput: z.input<typeof NightlyRun>,
): Promise<NightlyResult[]> {
  const input = parseInput(NightlyRun, rawInput);
  const now = input.now ?? new Date();
  const orgs = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.nightlyRetentionPurge, true),
        input.orgId ? eq(organisations.id, input.orgId) : undefined,
      ),
    );
  const results: NightlyResult[] = [];
  for (const org of orgs) {
    const expired = await db
      .update(purgePlans)
      .set({ state: "expired" })
      .where(
        and(eq(purgePlans.orgId, org.id), eq(purgePlans.origin, "nightly"), eq(purgePlans.state, "planned")),
      )
      .returning({ id: purgePlans.id });
    const plan = await createPlanRecord(
      db,
      input.hmacKey,
      {
        orgId: org.id,
        plannedBy: systemPlanner,
        origin: "nightly",
        reasons: retentionReasons,
        scope: {},
        granularity: "auto",
        asOf: now,
        expiresAt: new Date(now.getTime() + 2 * DAY),
      },
      { skipIfEmpty: true },
    );
    results.push({ orgId: org.id, plan, expired: expired.length });
  }
  return results;
}
