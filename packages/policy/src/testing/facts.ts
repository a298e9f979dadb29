import type { EngineFacts } from "../facts";

/** A minimal, valid set of facts for tests: a French party emailing a newsletter subscriber. */
export function testFacts(
  overrides: Partial<EngineFacts> = {},
  contact: Partial<EngineFacts["contact"]> = {},
): EngineFacts {
  return {
    at: "2027-03-01T10:00:00Z",
    jurisdiction: "FR",
    controller: { type: "party" },
    election: {
      type: "presidential",
      rounds: ["2027-04-11", "2027-04-25"],
      resultsProclaimedAt: "2027-04-28",
      litigationWindowDays: 10,
    },
    action: { type: "contact", channel: "email", messageKind: "political" },
    ...overrides,
    contact: { source: "newsletter_signup", ...contact },
  };
}
