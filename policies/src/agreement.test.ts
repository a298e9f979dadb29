import { interpretPolicy } from "@isoloir/policy";
import { factsArb } from "@isoloir/policy/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCases } from "./case-files";
import { policy, ruleSet } from "./index";

// The compiled rule set (closures, rule selection by action, channel and message kind) must decide
// exactly as a direct interpretation of every applicable tree.

const same = (facts: Parameters<typeof interpretPolicy>[1]) => {
  const compiled = policy().evaluate(facts);
  const interpreted = interpretPolicy(ruleSet, facts, compiled.policySetVersion);
  expect(compiled).toEqual(interpreted);
};

describe("compiled and interpreted rule sets", () => {
  it("agree on generated facts", () => {
    fc.assert(fc.property(factsArb, same), { numRuns: 5000 });
  });

  it("agree on every case, under every jurisdiction, channel and message kind", () => {
    const channels = [
      "email",
      "sms",
      "automated_call",
      "live_call",
      "postal_addressed",
      "door_to_door",
      "social_dm",
      "online_ad_targeting",
    ] as const;
    for (const { case: kase } of loadCases()) {
      for (const jurisdiction of ["FR", "DE", "UK", "US", "LU", "EU_INSTITUTION"] as const) {
        same({ ...kase, jurisdiction });
        if (kase.action.type !== "contact") continue;
        for (const channel of channels) {
          for (const messageKind of ["political", "consent_request", "service"] as const) {
            same({ ...kase, jurisdiction, action: { type: "contact", channel, messageKind } });
          }
        }
      }
    }
  });
});
