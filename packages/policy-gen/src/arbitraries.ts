import fc from "fast-check";
import { addDaysToDay, boundaries, instant, msPerDay, retentionAnchors } from "./time";
import type { GeneratedAction, GeneratedConsent, GeneratedFacts } from "./types";
import * as V from "./vocabulary";

export interface FactsOptions {
  /** only facts a stored contact can carry (no explicit class; country always stored) */
  storable?: boolean;
}

const electionArb = fc
  .record({
    type: fc.constantFrom(...V.electionTypes),
    firstRound: fc.integer({ min: 0, max: 900 }).map((d) => addDaysToDay("2025-09-07", d)),
    twoRounds: fc.boolean(),
    proclaimed: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    litigationWindowDays: fc.option(fc.constantFrom(10, 15, 30), { nil: undefined }),
  })
  .map(({ type, firstRound, twoRounds, proclaimed, litigationWindowDays }) => {
    const rounds = twoRounds ? [firstRound, addDaysToDay(firstRound, 7)] : [firstRound];
    const last = rounds[rounds.length - 1] ?? firstRound;
    return {
      type,
      rounds,
      ...(proclaimed !== undefined ? { resultsProclaimedAt: addDaysToDay(last, proclaimed) } : {}),
      ...(litigationWindowDays !== undefined ? { litigationWindowDays } : {}),
    };
  });

const timeAround = (base: number, spreadDays: number) =>
  fc.integer({ min: -spreadDays, max: spreadDays }).map((d) => base + d * msPerDay);

const consentArb = (near: number): fc.Arbitrary<GeneratedConsent> =>
  fc.record(
    {
      scope: fc.constantFrom(...V.scopes),
      mechanism: fc.constantFrom(...V.mechanisms),
      capturedAt: timeAround(near, 400).map(instant),
      withdrawnAt: fc.option(timeAround(near, 200).map(instant), { nil: null }),
      evidenceRef: fc.constantFrom("form:signup", "call:rec-1", "paper:box-2"),
      bundled: fc.boolean(),
    },
    { requiredKeys: ["scope", "mechanism", "capturedAt"] },
  );

const objectionArb = (near: number) =>
  fc.record({
    at: timeAround(near, 300).map(instant),
    scope: fc.oneof(
      fc.constant("all" as const),
      fc.constantFrom(...V.channels),
      fc.uniqueArray(fc.constantFrom(...V.channels), { minLength: 1, maxLength: 3 }),
    ),
  });

const processorsArb = fc.uniqueArray(
  fc.record({
    name: fc.constantFrom("host", "mailer", "sms-gateway", "support"),
    hostingRegion: fc.constantFrom(...V.hostingRegions),
    transferMechanism: fc.constantFrom(...V.transferMechanisms),
    authorizedByController: fc.boolean(),
    art28ContractSigned: fc.boolean(),
  }),
  { minLength: 1, maxLength: 3, selector: (p) => p.name },
);

const actionArb = (processorNames: string[]): fc.Arbitrary<GeneratedAction> =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        type: fc.constant("contact" as const),
        channel: fc.constantFrom(...V.channels),
        messageKind: fc.constantFrom(...V.messageKinds),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant("enrich" as const),
        provider: fc.constantFrom(...V.providers),
      }),
    },
    { weight: 2, arbitrary: fc.constant({ type: "import" as const }) },
    { weight: 2, arbitrary: fc.constant({ type: "retain" as const }) },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant("record" as const),
        category: fc.constantFrom(...V.categories),
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...processorNames)
        .map((processor) => ({ type: "transfer" as const, processor })),
    },
  );

/** Facts covering every source, consent scope and mechanism, channel × message kind and action, with `at` within a day of a boundary. */
export function factsArbitrary(options: FactsOptions = {}): fc.Arbitrary<GeneratedFacts> {
  return fc
    .record({ election: fc.option(electionArb, { nil: undefined, freq: 6 }), processors: processorsArb })
    .chain(({ election, processors }) => {
      const anchor = Date.parse(`${election?.rounds[0] ?? "2026-06-01"}T12:00:00Z`);
      return fc
        .record({
          collectedAt: timeAround(anchor, 500),
          lastMessageAt: fc.option(timeAround(anchor, 200), { nil: undefined }),
          lastPositive: fc.option(timeAround(anchor, 1300), { nil: undefined }),
        })
        .chain((times) => {
          const points = boundaries(
            election,
            retentionAnchors(times.collectedAt, times.lastMessageAt, times.lastPositive),
          );
          return fc
            .record({
              at: fc
                .tuple(fc.constantFrom(...points), fc.integer({ min: -25 * 60, max: 25 * 60 }))
                .map(([p, m]) => p + m * 60_000),
              rest: restArb(
                options,
                processors.map((p) => p.name),
                anchor,
              ),
            })
            .map(({ at, rest }) => assemble(at, election, processors, times, rest));
        });
    });
}

function restArb(options: FactsOptions, processorNames: string[], anchor: number) {
  return fc.record({
    jurisdiction: fc.constantFrom(...V.jurisdictions),
    controller: fc.constantFrom(...V.controllerTypes),
    enrichment: fc.dictionary(fc.constantFrom(...V.countries), fc.boolean(), { maxKeys: 4 }),
    source: fc.constantFrom(...V.sources),
    class: options.storable
      ? fc.constant(undefined)
      : fc.option(fc.constantFrom(...V.classes), { nil: undefined, freq: 4 }),
    country: options.storable
      ? fc.constantFrom(...V.countries)
      : fc.option(fc.constantFrom(...V.countries), { nil: undefined }),
    ageYears: fc.option(
      fc.oneof(fc.constantFrom(13, 14, 15, 16, 17, 18, 19), fc.integer({ min: 10, max: 95 })),
      { nil: undefined },
    ),
    consents: fc.array(consentArb(anchor), { maxLength: 3 }),
    objection: fc.option(objectionArb(anchor), { nil: undefined, freq: 4 }),
    suppressed: fc.boolean(),
    vendor: fc.option(fc.record({ politicalReuseDisclosed: fc.boolean(), optOutOffered: fc.boolean() }), {
      nil: undefined,
    }),
    dataCategories: fc.uniqueArray(fc.constantFrom(...V.categories), { maxLength: 3 }),
    messagesSent: fc.constantFrom(0, 0, 1, 2, 5),
    consentRequestsSent: fc.constantFrom(0, 0, 1, 2),
    action: actionArb(processorNames),
  });
}

type Rest = ReturnType<typeof restArb> extends fc.Arbitrary<infer T> ? T : never;

function assemble(
  at: number,
  election: GeneratedFacts["election"],
  processors: NonNullable<GeneratedFacts["processors"]>,
  times: { collectedAt: number; lastMessageAt?: number; lastPositive?: number },
  rest: Rest,
): GeneratedFacts {
  return {
    at: instant(at),
    jurisdiction: rest.jurisdiction,
    controller: { type: rest.controller },
    ...(election ? { election } : {}),
    settings: { enrichment: rest.enrichment },
    contact: {
      source: rest.source,
      ...(rest.class ? { class: rest.class } : {}),
      ...(rest.country ? { country: rest.country } : {}),
      ...(rest.ageYears !== undefined ? { ageYears: rest.ageYears } : {}),
      consents: rest.consents,
      ...(rest.objection ? { objection: rest.objection } : {}),
      suppressed: rest.suppressed,
      ...(rest.vendor ? { vendorAttestation: rest.vendor } : {}),
      dataCategories: rest.dataCategories,
      messagesSent: rest.messagesSent,
      consentRequestsSent: rest.consentRequestsSent,
      collectedAt: instant(times.collectedAt),
      lastMessageAt: times.lastMessageAt !== undefined ? instant(times.lastMessageAt) : null,
      lastPositiveInteractionAt: times.lastPositive !== undefined ? instant(times.lastPositive) : null,
    },
    processors,
    action: rest.action,
  };
}

/** A deterministic population of `size` facts (same seed, same population). */
export function generatePopulation(size: number, seed = 2027, options: FactsOptions = {}): GeneratedFacts[] {
  return fc.sample(factsArbitrary(options), { numRuns: size, seed });
}
