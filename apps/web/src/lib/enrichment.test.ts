import { describe, expect, it } from "vitest";
import {
  firstAllowed,
  isTerminal,
  listFilter,
  percent,
  refusalRows,
  refusedByRows,
  runningCounts,
} from "./enrichment";

describe("listFilter", () => {
  it("maps the list's source and search onto the enrichment filter", () => {
    expect(listFilter({ source: "door_to_door", q: " dupont " })).toEqual({
      source: "door_to_door",
      search: "dupont",
    });
  });

  it("filters nothing when the list is unfiltered or the search is blank", () => {
    expect(listFilter({})).toBeUndefined();
    expect(listFilter({ q: "   " })).toBeUndefined();
  });
});

describe("refusalRows", () => {
  it("lists every rule with its count, adds no live consent and escalations, largest first", () => {
    const rows = refusalRows({
      deniedBy: { "ORG-ENRICHMENT-SWITCH": 3, "FR-CNIL-SOCIAL-ENRICHMENT": 12 },
      noLiveConsent: 5,
      escalated: 0,
    });
    expect(rows).toEqual([
      { reason: "FR-CNIL-SOCIAL-ENRICHMENT", kind: "rule", contacts: 12 },
      { reason: "no_live_consent", kind: "no_live_consent", contacts: 5 },
      { reason: "ORG-ENRICHMENT-SWITCH", kind: "rule", contacts: 3 },
    ]);
  });

  it("leaves zero counts out and says nothing when nobody is refused", () => {
    expect(refusalRows({ deniedBy: { A: 0 }, noLiveConsent: 0, escalated: 0 })).toEqual([]);
  });

  it("reads a job's refusedBy, where no live consent is a key beside the rule ids", () => {
    expect(refusedByRows({ no_live_consent: 1, "ORG-SUPPRESSION-LIST": 2 })).toEqual([
      { reason: "ORG-SUPPRESSION-LIST", kind: "rule", contacts: 2 },
      { reason: "no_live_consent", kind: "no_live_consent", contacts: 1 },
    ]);
  });
});

describe("job progress", () => {
  it("treats completed, cancelled and failed as the end, and nothing else", () => {
    expect(["completed", "cancelled", "failed"].every(isTerminal)).toBe(true);
    expect(["created", "retry", "active", undefined].some(isTerminal)).toBe(false);
  });

  it("reads the running counts of a progress note, ignoring what is not a count", () => {
    expect(runningCounts('{"found":2,"not_found":1,"extra":4,"failed":"x"}')).toEqual({
      found: 2,
      not_found: 1,
    });
    expect(runningCounts("not json")).toBeNull();
    expect(runningCounts(undefined)).toBeNull();
    expect(runningCounts("[]")).toBeNull();
  });

  it("rounds progress to a percentage within 0..100", () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(5, 4)).toBe(100);
    expect(percent(0, 0)).toBe(100);
  });

  it("preselects the first allowed provider, or none", () => {
    expect(
      firstAllowed([
        { provider: "facebook", allowed: false },
        { provider: "twitter", allowed: true },
      ]),
    ).toBe("twitter");
    expect(firstAllowed([{ provider: "facebook", allowed: false }])).toBeNull();
  });
});
