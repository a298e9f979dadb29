import { recordObjection } from "@isoloir/contacts";
import { consents, type Db } from "@isoloir/db";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { checkGate, type GateResult } from "../gate/check";
import { networks } from "../providers/types";
import { bulkSubscribers, orgWithSwitch, setSwitch } from "./fixtures";
import type { OrgBatch } from "./timeline-arbitraries";
import { type ContactEvent, expectedVerdict, instant, type Mutation, type Verdict } from "./timeline-model";

// Plays one organisation's timelines against the database with a fake clock: the events (contacts'
// grants, withdrawals and objections, the organisation's switch flips) are written in time order —
// those of one instant together —, and the gate is asked at every check's instant, after the events of
// that instant and before any later one, and held to the model.

type Step =
  | { at: number; phase: 0; contact: number; index: number; event: ContactEvent }
  | { at: number; phase: 0; flip: boolean }
  | { at: number; phase: 1; contact: number };
type ContactStep = Extract<Step, { index: number }>;

export interface BatchStats {
  timelines: number;
  events: number;
  checks: number;
  /** "allow", or the denying rules joined by "+" → how many checks got that verdict */
  verdicts: Record<string, number>;
}

export const emptyStats = (): BatchStats => ({ timelines: 0, events: 0, checks: 0, verdicts: {} });

export function addStats(total: BatchStats, more: BatchStats): BatchStats {
  const verdicts = { ...total.verdicts };
  for (const [k, n] of Object.entries(more.verdicts)) verdicts[k] = (verdicts[k] ?? 0) + n;
  return {
    timelines: total.timelines + more.timelines,
    events: total.events + more.events,
    checks: total.checks + more.checks,
    verdicts,
  };
}

export class TimelineMismatch extends Error {}

const evidenceRef = { ref: "form:timeline#enrich", missing: null, blank: " \t " } as const;

/** Events before checks at each instant (a check at an event's instant sees it); flips keep their order. */
function stepsOf(batch: OrgBatch): Step[] {
  const steps: Step[] = batch.switch.flips.map((f) => ({ at: f.at, phase: 0, flip: f.on }));
  batch.contacts.forEach((timeline, contact) => {
    timeline.events.forEach(({ at, event }, index) => {
      steps.push({ at, phase: 0, contact, index, event });
    });
    for (const at of timeline.checks) steps.push({ at, phase: 1, contact });
  });
  return steps.sort((a, b) => a.at - b.at || a.phase - b.phase);
}

/** The contact events at steps[from]'s instant, from there on (a contact has at most one per instant). */
function waveAt(steps: Step[], from: number): ContactStep[] {
  const wave: ContactStep[] = [];
  const at = steps[from]?.at;
  for (let s = steps[from]; s && s.at === at && s.phase === 0 && "index" in s; s = steps[from + wave.length])
    wave.push(s);
  return wave;
}

const verdictKey = (verdict: Verdict) => (verdict.allowed ? "allow" : verdict.denyingRules.join("+"));

function denyingRulesOf(gate: GateResult): string[] {
  if (gate.allowed) return [];
  if (gate.refusal !== "policy") return [gate.refusal ?? "refused"];
  return (gate.decision?.reasons.map((r) => r.ruleId) ?? []).sort();
}

class OrgPlayer {
  readonly stats: BatchStats;
  /** "contact:event index" → id of the consent row that grant wrote */
  private readonly grants = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly batch: OrgBatch,
    private readonly orgId: string,
    private readonly ids: string[],
    private readonly mutation: Mutation | undefined,
  ) {
    this.stats = { ...emptyStats(), timelines: batch.contacts.length };
  }

  async play(): Promise<BatchStats> {
    const steps = stepsOf(this.batch);
    for (let i = 0; i < steps.length; ) {
      const step = steps[i] as Step;
      if (step.phase === 1) {
        await this.check(step.contact, step.at);
        i += 1;
      } else if ("flip" in step) {
        await setSwitch(this.db, this.orgId, "FR", step.flip);
        this.stats.events += 1;
        i += 1;
      } else {
        const wave = waveAt(steps, i);
        await this.applyWave(step.at, wave);
        i += wave.length;
      }
    }
    return this.stats;
  }

  /** The contact events of one instant (one per contact): grants in one insert, withdrawals in one update. */
  private async applyWave(at: number, wave: ContactStep[]): Promise<void> {
    this.stats.events += wave.length;
    const when = instant(at);
    const grants = wave.filter((s) => s.event.kind === "grant");
    if (grants.length > 0) await this.grant(when, grants);
    const withdrawing = wave.filter((s) => s.event.kind === "withdraw").map((s) => this.ids[s.contact] ?? "");
    if (withdrawing.length > 0) {
      await this.db
        .update(consents)
        .set({ withdrawnAt: when })
        .where(
          and(
            eq(consents.orgId, this.orgId),
            inArray(consents.contactId, withdrawing),
            eq(consents.scope, "social_enrichment"),
            isNull(consents.withdrawnAt),
          ),
        );
    }
    for (const s of wave) {
      if (s.event.kind === "object")
        await recordObjection(this.db, this.orgId, this.ids[s.contact] ?? "", s.event.scope, when);
    }
  }

  private async grant(when: Date, steps: ContactStep[]): Promise<void> {
    const rows = steps.flatMap(({ contact, event }) =>
      event.kind === "grant"
        ? [
            {
              orgId: this.orgId,
              contactId: this.ids[contact] ?? "",
              scope: event.scope,
              mechanism: event.mechanism,
              capturedAt: when,
              evidenceRef: evidenceRef[event.evidence],
              bundled: event.bundled,
            },
          ]
        : [],
    );
    const written = await this.db
      .insert(consents)
      .values(rows)
      .returning({ id: consents.id, contactId: consents.contactId });
    const stepOf = new Map(steps.map((s) => [this.ids[s.contact], s]));
    for (const row of written) {
      const step = stepOf.get(row.contactId);
      if (step) this.grants.set(`${step.contact}:${step.index}`, row.id);
    }
  }

  private async check(contact: number, t: number): Promise<void> {
    this.stats.checks += 1;
    const ref = {
      orgId: this.orgId,
      contactId: this.ids[contact] ?? "",
      provider: networks[contact % networks.length] ?? "twitter",
    };
    const gate = await checkGate(this.db, ref, instant(t));
    const timeline = this.batch.contacts[contact] ?? { events: [], checks: [] };
    const expected = expectedVerdict(timeline, this.batch.switch, t, this.mutation);
    const consentId =
      expected.consentEvent === null ? null : (this.grants.get(`${contact}:${expected.consentEvent}`) ?? "?");
    const wanted = { allowed: expected.allowed, denyingRules: expected.denyingRules, consentId };
    const actual = { allowed: gate.allowed, denyingRules: denyingRulesOf(gate), consentId: gate.consentId };
    if (JSON.stringify(actual) !== JSON.stringify(wanted)) {
      throw new TimelineMismatch(
        `the gate at t=${t} s disagrees with the model${this.mutation ? ` (mutation ${this.mutation})` : ""}\n` +
          `  expected ${JSON.stringify(wanted)}\n  actual   ${JSON.stringify(actual)}\n` +
          `  contact timeline ${JSON.stringify(timeline)}\n  switch timeline ${JSON.stringify(this.batch.switch)}`,
      );
    }
    const key = verdictKey(expected);
    this.stats.verdicts[key] = (this.stats.verdicts[key] ?? 0) + 1;
  }
}

/** Plays the batch on a new organisation; throws TimelineMismatch at the first check that disagrees. */
export async function playOrgBatch(db: Db, batch: OrgBatch, mutation?: Mutation): Promise<BatchStats> {
  const org = await orgWithSwitch(db, batch.switch.initial);
  const ids = await bulkSubscribers(db, org.id, batch.contacts.length);
  return new OrgPlayer(db, batch, org.id, ids, mutation).play();
}
