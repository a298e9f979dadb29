import { channels, consentMechanisms } from "@isoloir/db";
import fc from "fast-check";
import type { ContactEvent, ContactTimeline, SwitchTimeline, TimedEvent } from "./timeline-model";

// Random consent timelines. Instants are seconds over a day and a half. An organisation draws its
// rounds (random instants); each of its contacts has up to five events on strictly later rounds, and
// one or two checks, anywhere or on, just before or just after one of its events; the switch flips
// at instants of its own.

const HOUR = 3600;
export const horizon = 36 * HOUR;
/** Every contact event of an organisation falls on one of its rounds, so a round's events are written together. */
export const ROUNDS = 12;

const validGrant: fc.Arbitrary<ContactEvent> = fc.record({
  kind: fc.constant("grant" as const),
  scope: fc.constant("social_enrichment" as const),
  mechanism: fc.constantFrom("unticked_checkbox", "double_opt_in", "verbal_recorded"),
  evidence: fc.constant("ref" as const),
  bundled: fc.constant(false),
});

/** A grant that may be flawed (no or blank evidence, pre-ticked, none, bundled) or of another scope. */
const anyGrant: fc.Arbitrary<ContactEvent> = fc.record({
  kind: fc.constant("grant" as const),
  scope: fc.constantFrom("social_enrichment" as const, "political_email" as const),
  mechanism: fc.constantFrom(...consentMechanisms),
  evidence: fc.constantFrom("ref" as const, "missing" as const, "blank" as const),
  bundled: fc.boolean(),
});

const objection: fc.Arbitrary<ContactEvent> = fc.record({
  kind: fc.constant("object" as const),
  scope: fc.oneof(
    fc.constant("all" as const),
    fc.uniqueArray(fc.constantFrom(...channels), { minLength: 1, maxLength: 3 }),
  ),
});

const event: fc.Arbitrary<ContactEvent> = fc.oneof(
  { weight: 3, arbitrary: validGrant },
  { weight: 2, arbitrary: anyGrant },
  { weight: 4, arbitrary: fc.constant({ kind: "withdraw" as const }) },
  { weight: 2, arbitrary: objection },
);

/** Most timelines open with a valid grant (then withdraw, object, grant again…); some start anywhere. */
const eventList: fc.Arbitrary<ContactEvent[]> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(validGrant, fc.array(event, { maxLength: 4 }))
      .map(([first, rest]) => [first, ...rest]),
  },
  { weight: 1, arbitrary: fc.array(event, { maxLength: 4 }) },
);

/** Where a check falls: on one of the contact's events, a second before or after it, or anywhere. */
type CheckSpec = { free: number } | { nearEvent: number; delta: -1 | 0 | 1 };
const checkSpec: fc.Arbitrary<CheckSpec> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ free: fc.integer({ min: 0, max: horizon }) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      nearEvent: fc.nat(),
      delta: fc.constantFrom(-1 as const, 0 as const, 1 as const),
    }),
  },
);

/** A contact's timeline before it is laid on its organisation's rounds. */
interface RawTimeline {
  firstRound: number;
  roundGaps: number[];
  events: ContactEvent[];
  checks: CheckSpec[];
}

const rawTimeline: fc.Arbitrary<RawTimeline> = fc.record({
  firstRound: fc.nat({ max: ROUNDS / 2 - 1 }),
  roundGaps: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 5, maxLength: 5 }),
  events: eventList,
  checks: fc.oneof(
    { weight: 6, arbitrary: fc.tuple(checkSpec) },
    { weight: 1, arbitrary: fc.tuple(checkSpec, checkSpec) },
  ),
});

/** Events on strictly later rounds each (those past the last round are dropped); checks resolved to instants. */
function layOut(raw: RawTimeline, rounds: readonly number[]): ContactTimeline {
  const events: TimedEvent[] = [];
  let round = raw.firstRound;
  raw.events.forEach((event, i) => {
    round += i === 0 ? 0 : (raw.roundGaps[i] ?? 1);
    const at = rounds[round];
    if (at !== undefined) events.push({ at, event });
  });
  const checks = raw.checks.map((spec) => {
    if ("free" in spec) return spec.free;
    const target = events[spec.nearEvent % Math.max(1, events.length)];
    return Math.max(0, (target?.at ?? 0) + spec.delta);
  });
  return { events, checks };
}

/** Mostly on at first; up to three flips, each to a random state (a flip to the same state is a no-op write). */
export const switchTimeline: fc.Arbitrary<SwitchTimeline> = fc.record({
  initial: fc.oneof(
    { weight: 4, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  ),
  flips: fc
    .array(fc.record({ at: fc.integer({ min: 0, max: horizon }), on: fc.boolean() }), { maxLength: 3 })
    .map((flips) => [...flips].sort((a, b) => a.at - b.at)),
});

/** One organisation: its rounds, its switch timeline and `contacts` contacts, each with a timeline of its own. */
export const orgBatch = (contacts: number): fc.Arbitrary<OrgBatch> =>
  fc
    .record({
      rounds: fc
        .uniqueArray(fc.integer({ min: 0, max: horizon }), { minLength: ROUNDS, maxLength: ROUNDS })
        .map((r) => [...r].sort((a, b) => a - b)),
      switch: switchTimeline,
      contacts: fc.array(rawTimeline, { minLength: contacts, maxLength: contacts }),
    })
    .map(({ rounds, switch: org, contacts: raw }) => ({
      switch: org,
      contacts: raw.map((t) => layOut(t, rounds)),
    }));
export type OrgBatch = { switch: SwitchTimeline; contacts: ContactTimeline[] };
