import fc from "fast-check";
import type { EngineFacts } from "../facts";
import * as V from "../vocabulary";

// Test helpers for the engine and the rule packs (exported as "@isoloir/policy/testing").

export const instantIn = (from: string, to: string) =>
  fc.integer({ min: Date.parse(from), max: Date.parse(to) }).map((ms) => new Date(ms).toISOString());

const consentArb = fc.record(
  {
    scope: fc.constantFrom(...V.consentScopes),
    mechanism: fc.constantFrom(...V.mechanisms),
    capturedAt: instantIn("2026-01-01", "2027-06-01"),
    withdrawnAt: fc.option(instantIn("2026-06-01", "2027-06-01"), { nil: null }),
    evidenceRef: fc.constantFrom("form:1", ""),
    bundled: fc.boolean(),
  },
  { requiredKeys: ["scope", "mechanism", "capturedAt"] },
);

/** Facts covering every vocabulary, with times around the test elections. */
export const factsArb: fc.Arbitrary<EngineFacts> = fc.record(
  {
    at: instantIn("2026-09-01", "2027-07-01"),
    jurisdiction: fc.constantFrom(...V.jurisdictions),
    controller: fc.record({ type: fc.constantFrom(...V.controllerTypes) }),
    election: fc.option(
      fc.constantFrom(
        { type: "presidential", rounds: ["2027-04-11", "2027-04-25"], resultsProclaimedAt: "2027-04-28" },
        { type: "municipal", rounds: ["2026-10-25"], litigationWindowDays: 5 },
      ),
      { nil: undefined },
    ),
    settings: fc.constantFrom(undefined, { enrichment: { FR: true, UK: true } }),
    contact: fc.record(
      {
        source: fc.constantFrom(...V.sources),
        class: fc.constantFrom(...V.contactClasses),
        country: fc.constantFrom("FR", "DE", "UK", "US", "BE"),
        ageYears: fc.integer({ min: 10, max: 90 }),
        consents: fc.array(consentArb, { maxLength: 3 }),
        objection: fc.record({
          at: instantIn("2026-09-01", "2027-07-01"),
          scope: fc.constantFrom("all", "email", ["sms", "email"]),
        }),
        suppressed: fc.boolean(),
        dataCategories: fc.subarray([...V.dataCategories]),
        messagesSent: fc.integer({ min: 0, max: 2 }),
        consentRequestsSent: fc.integer({ min: 0, max: 2 }),
        collectedAt: instantIn("2023-01-01", "2027-06-01"),
        lastMessageAt: instantIn("2026-06-01", "2027-06-01"),
      },
      { requiredKeys: ["source"] },
    ),
    action: fc.oneof(
      fc.record({
        type: fc.constant("contact" as const),
        channel: fc.constantFrom(...V.channels),
        messageKind: fc.constantFrom(...V.messageKinds),
      }),
      fc.constantFrom(
        { type: "import" as const },
        { type: "retain" as const },
        { type: "enrich" as const, provider: "facebook" as const },
      ),
    ),
  },
  { requiredKeys: ["at", "jurisdiction", "controller", "contact", "action"] },
) as fc.Arbitrary<EngineFacts>;
