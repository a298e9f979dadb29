import { can, roleGrants } from "@isoloir/accounts";
import { pseudonym } from "@isoloir/audit";
import { type Db, inSequence, type Role } from "@isoloir/db";
import {
  barredByFourEyes,
  latestRun,
  memberPseudonym,
  needsHuman,
  type PurgePlan,
  planDocument,
  reasonKeys,
  reasons,
} from "@isoloir/purge";

/** Who is asking: enough to say whether they may approve, and to pseudonymise. */
export interface Viewer {
  orgId: string;
  userId: string;
  role: Role;
  hmacKey: string;
  fourEyes: boolean;
  /** hours an approver must have held the compliance role before the plan was created */
  coolingOffHours: number;
}

/** Each reason with the rule ids behind it, for the wizard's first step (labels are the UI's). */
export function reasonCatalogue() {
  return reasonKeys.map((key) => ({
    key,
    retention: reasons[key].retention,
    suppresses: reasons[key].suppresses,
    ruleIds: [...new Set(reasons[key].rules.map((r) => r.ruleId))],
  }));
}

export type ApprovalBlock =
  | "not_waiting"
  | "not_compliance"
  | "own_plan"
  | "granted_by_planner"
  | "recent_grant"
  | null;

/**
 * Whether the viewer may approve, why not, and who may: compliance members `barredByFourEyes` does not
 * bar (the same function the approval itself calls).
 */
export async function approvalOf(db: Db, plan: PurgePlan, viewer: Viewer) {
  const members = await roleGrants(db, viewer.orgId);
  const fourEyes = { on: viewer.fourEyes, coolingOffHours: viewer.coolingOffHours };
  const barOf = (m: (typeof members)[number]) =>
    barredByFourEyes(fourEyes, plan, {
      userId: m.userId,
      addedBy: m.addedBy,
      roleGrantedBy: m.grantedBy,
      roleGrantedAt: m.grantedAt,
    });
  const eligible = (m: (typeof members)[number]) => can(m.role as Role, "approvePurge") && barOf(m) === null;
  const self = members.find((m) => m.userId === viewer.userId);
  const blocked: ApprovalBlock =
    plan.state !== "planned"
      ? "not_waiting"
      : !can(viewer.role, "approvePurge") || !self
        ? "not_compliance"
        : barOf(self);
  return {
    fourEyes: viewer.fourEyes,
    coolingOffHours: viewer.coolingOffHours,
    mayApprove: blocked === null,
    blocked,
    approvers: members.filter(eligible).map((m) => ({ name: m.name, you: m.userId === viewer.userId })),
  };
}

const who = (viewer: Viewer, userId: string | null | undefined) =>
  userId
    ? { pseudonym: memberPseudonym(viewer.hmacKey, viewer.orgId, userId), you: userId === viewer.userId }
    : null;

/** One plan for review: the plan document, "needs a human" rows (pseudonymised), its run, and the approval. */
export async function planView(db: Db, plan: PurgePlan, viewer: Viewer) {
  const ref = { orgId: viewer.orgId, planId: plan.id };
  const [review, run, approval] = await inSequence([
    () => needsHuman(db, { ...ref, limit: 200 }),
    () => latestRun(db, ref),
    () => approvalOf(db, plan, viewer),
  ]);
  return {
    ...planDocument(plan),
    /** a few targets per reason and a few "needs a human" rows, as contact pseudonyms */
    samples: plan.samples,
    plannedBy: who(viewer, plan.plannedBy),
    approvedBy: who(viewer, plan.approvedBy),
    approvedAt: plan.approvedAt?.toISOString() ?? null,
    needsHuman: review.map((r) => ({
      contact: pseudonym(viewer.hmacKey, viewer.orgId, "contact", r.contactId),
      ruleIds: r.ruleIds,
    })),
    run: run ? runView(viewer, run) : null,
    approval,
  };
}

export function runView(viewer: Viewer, run: NonNullable<Awaited<ReturnType<typeof latestRun>>>) {
  return {
    id: run.id,
    state: run.state,
    runBy: who(viewer, run.runBy),
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    batches: run.batches,
    deleted: run.deleted,
    alreadyGone: run.alreadyGone,
    stopReason: run.stopReason,
  };
}

/** A line of the plans list. */
export function planSummary(plan: PurgePlan) {
  return {
    id: plan.id,
    state: plan.state,
    origin: plan.origin,
    reasons: plan.reasons,
    plannedAt: plan.plannedAt.toISOString(),
    expiresAt: plan.expiresAt.toISOString(),
    targets: plan.counts.targets ?? 0,
    people: plan.counts.people ?? 0,
    needsHuman: plan.counts.needsHuman?.rows ?? 0,
    policyVersion: plan.policyVersion,
    planHash: plan.planHash,
  };
}
