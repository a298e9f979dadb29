import type { Network } from "../providers/types";
import type { ContactPlan } from "./job-timeline-plan";

// The oracle of the real-jobs timelines: the sandbox's request log against the instants at which the
// invalidating events committed and at which gate checks passed.

export interface PlayedContact {
  contactId: string;
  emailHash: string;
  plan: ContactPlan;
  /** the organisation's allow-list */
  allowed: Network[];
  /** when the event that made the contact ineligible committed (its own, or its org's switch going off) */
  invalidatedAtMs: number | null;
}

export interface Played {
  contacts: PlayedContact[];
  log: { network: string; emailHash: string | null; startedAt: number; status: number }[];
  /** gate checks that passed: when each began and when it passed (its reads lie between) */
  gatePasses: { contactId: string; provider: Network; startedAtMs: number; atMs: number }[];
  /** enrichment rows left once the jobs are done (and a switched-off country's data deleted) */
  rows: { contactId: string; provider: string }[];
}

export interface Verdict {
  violations: string[];
  /** contacts made ineligible by an event while the jobs ran */
  invalidated: number;
  /** … of which never called, and called before the event committed */
  neverCalled: number;
  calledBefore: number;
  /** calls after the commit whose gate check had passed before it */
  calledAfterGatePassed: number;
  /** calls after the commit whose gate check was under way at the commit (began before it, passed after) */
  calledWithCheckInFlight: number;
  /** contacts that stayed eligible, each called once per allowed provider */
  controls: number;
}

/**
 * A lookup of an invalidated contact that started after the commit is justified only by the gate check
 * that let it through: passed before the commit, or under way at the commit (begun before it, so its
 * reads may have come first — on PostgreSQL a check waits for pool connections and can span tens of
 * ms). A check that began after the commit read the event, and must have refused.
 */
function judgeInvalidated(c: PlayedContact, calls: Played["log"], played: Played, v: Verdict): void {
  const at = c.invalidatedAtMs ?? 0;
  v.invalidated += 1;
  if (calls.length === 0) v.neverCalled += 1;
  if (calls.some((call) => call.startedAt <= at)) v.calledBefore += 1;
  for (const call of calls.filter((x) => x.startedAt > at)) {
    const passes = played.gatePasses.filter(
      (g) => g.contactId === c.contactId && g.provider === call.network && g.atMs <= call.startedAt,
    );
    const pass = passes.reduce<(typeof passes)[number] | undefined>(
      (last, g) => (last && last.atMs >= g.atMs ? last : g),
      undefined,
    );
    if (pass && pass.atMs <= at) v.calledAfterGatePassed += 1;
    else if (pass && pass.startedAtMs <= at) v.calledWithCheckInFlight += 1;
    else {
      const seen = pass ? `a gate check begun at ${pass.startedAtMs}` : "no gate pass";
      v.violations.push(
        `${c.contactId} (${c.plan.kind}): ${call.network} call at ${call.startedAt}, after the commit at ${at}, with ${seen}`,
      );
    }
  }
  const rows = played.rows.filter((r) => r.contactId === c.contactId);
  if (rows.length > 0)
    v.violations.push(`${c.contactId} (${c.plan.kind}): ${rows.length} enrichment rows survive`);
}

/**
 * Still eligible at the end: exactly one call and one row per allowed provider, none for the others. An
 * objection to some channels leaves enrichment allowed, but the objection trigger deletes an objecting
 * contact's rows whatever its scope (migration 0003), so a row written before it is gone.
 */
function judgeControl(c: PlayedContact, calls: Played["log"], played: Played, v: Verdict): void {
  v.controls += 1;
  for (const network of new Set([...c.allowed, ...calls.map((x) => x.network as Network)])) {
    const expected = c.allowed.includes(network) ? 1 : 0;
    const made = calls.filter((x) => x.network === network).length;
    const rows = played.rows.filter((r) => r.contactId === c.contactId && r.provider === network).length;
    const rowsOk = c.plan.kind === "objects_to_channels" ? rows <= expected : rows === expected;
    if (made !== expected || !rowsOk) {
      v.violations.push(
        `${c.contactId} (${c.plan.kind}): ${made} ${network} calls and ${rows} rows, expected ${expected}`,
      );
    }
  }
}

export type Totals = Omit<Verdict, "violations">;

/** Every count of a verdict at zero. */
export const noTotals = (): Totals => ({
  invalidated: 0,
  neverCalled: 0,
  calledBefore: 0,
  calledAfterGatePassed: 0,
  calledWithCheckInFlight: 0,
  controls: 0,
});

export function judge(played: Played): Verdict {
  const v: Verdict = { violations: [], ...noTotals() };
  for (const c of played.contacts) {
    const calls = played.log.filter((x) => x.emailHash === c.emailHash);
    for (const network of new Set(calls.map((x) => x.network))) {
      const same = calls.filter((x) => x.network === network);
      if (same.length > 1) {
        const statuses = same.map((x) => x.status).join(", ");
        v.violations.push(`${c.contactId}: ${same.length} ${network} calls in one run (HTTP ${statuses})`);
      }
    }
    if (c.plan.kind === "never_consents") {
      if (calls.length > 0 || played.rows.some((r) => r.contactId === c.contactId))
        v.violations.push(`${c.contactId} never consented, yet was looked up`);
    } else if (c.invalidatedAtMs !== null) judgeInvalidated(c, calls, played, v);
    else judgeControl(c, calls, played, v);
  }
  return v;
}
