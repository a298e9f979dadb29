import { describe, expect, it } from "vitest";
import { and, eq, has, messageIs, validConsent } from "./builder";
import { compilePolicy } from "./evaluate";
import { defineRule, type Rule, type RuleInput } from "./rule";
import { testFacts } from "./testing/facts";

const base = {
  title: "t",
  summary: "s",
  citations: [],
  basis: ["K" as const],
  force: ["LAW" as const],
  severity: { level: "low" as const, sanction: "-" },
};
const rule = (input: Partial<RuleInput> & Pick<RuleInput, "id" | "actions" | "effect">): Rule =>
  defineRule({ ...base, ...input });

const classes = rule({
  id: "FR-CLASSES",
  actions: ["contact"],
  effect: "classification",
  classification: { regular_contact: ["newsletter_signup"], occasional_contact: ["petition"] },
});
const emailGate = rule({
  id: "FR-EMAIL",
  actions: ["contact"],
  effect: "deny",
  deny: [
    {
      when: and(eq("contact.class", "occasional_contact"), eq("action.channel", "email")),
      reason: "occasional",
    },
  ],
  allow: [
    {
      when: eq("contact.class", "regular_contact"),
      reason: "regular",
      obligations: ["offer_opt_out", "identify_sender"],
    },
  ],
});
const content = rule({
  id: "EU-CONTENT",
  actions: ["contact"],
  effect: "allow-with-obligations",
  allow: [
    { when: messageIs("political"), reason: "sender", obligations: ["identify_sender"] },
    { when: messageIs("political"), reason: "notice", obligations: ["link_full_notice"] },
  ],
});
const humans = rule({
  id: "ORG-HUMAN",
  actions: ["contact"],
  effect: "escalate",
  escalate: [
    { when: has("contact.dataCategories", "political_opinion_declared"), reason: "a human decides" },
  ],
});
const deChannel = rule({
  id: "DE-EMAIL",
  actions: ["contact"],
  effect: "deny",
  deny: [{ when: and(eq("action.channel", "email"), validConsent("political_email")), reason: "never" }],
});
const later = rule({
  id: "EU-LATER",
  actions: ["contact"],
  effect: "deny",
  validFrom: "2027-03-02",
  deny: [{ when: eq("action.channel", "email"), reason: "from 2 March" }],
});

const policy = compilePolicy([classes, emailGate, content, humans, deChannel, later], { semver: "1.2.3" });

describe("evaluate", () => {
  it("allows with the obligations of every granting rule, deduplicated in vocabulary order", () => {
    const result = policy.evaluate(testFacts());
    expect(result.decision).toBe("allow");
    expect(result.obligations).toEqual(["identify_sender", "offer_opt_out", "link_full_notice"]);
    expect(result.reasons.map((r) => r.ruleId)).toEqual(["FR-EMAIL", "EU-CONTENT"]);
    expect(result.reasons[1]?.sentence).toBe("sender notice");
  });

  it("denies when any rule denies, citing only the denying rules", () => {
    const result = policy.evaluate(
      testFacts({}, { source: "petition", dataCategories: ["political_opinion_declared"] }),
    );
    expect(result).toMatchObject({
      decision: "deny",
      reasons: [{ ruleId: "FR-EMAIL", sentence: "occasional" }],
      obligations: [],
    });
  });

  it("escalates over allow, keeping the obligations", () => {
    const result = policy.evaluate(testFacts({}, { dataCategories: ["political_opinion_declared"] }));
    expect(result.decision).toBe("escalate");
    expect(result.reasons.map((r) => r.ruleId)).toEqual(["ORG-HUMAN"]);
    expect(result.obligations).toContain("offer_opt_out");
  });

  it("carries the policy-set version", () => {
    expect(policy.evaluate(testFacts()).policySetVersion).toMatch(/^1\.2\.3\+[0-9a-f]{12}$/);
  });

  it("applies a foreign contact country's contact rules, and only those", () => {
    const consent = {
      scope: "political_email" as const,
      mechanism: "double_opt_in" as const,
      capturedAt: "2026-01-01T00:00:00Z",
      evidenceRef: "x",
    };
    expect(policy.evaluate(testFacts({}, { consents: [consent] })).decision).toBe("allow");
    expect(policy.evaluate(testFacts({}, { consents: [consent], country: "DE" })).reasons[0]?.ruleId).toBe(
      "DE-EMAIL",
    );
    expect(policy.evaluate(testFacts({ jurisdiction: "UK" }, { consents: [consent] })).reasons).toEqual([]);
  });

  it("consults a rule only from its first day in force, in the jurisdiction's zone", () => {
    expect(policy.evaluate(testFacts({ at: "2027-03-01T22:59:00Z" })).decision).toBe("allow");
    expect(policy.evaluate(testFacts({ at: "2027-03-01T23:00:00Z" })).decision).toBe("deny");
  });

  it("derives the class from the classification rule, prospect otherwise", () => {
    const prospect = policy.evaluate(testFacts({}, { source: "unknown" }));
    expect(prospect.reasons.map((r) => r.ruleId)).toEqual(["EU-CONTENT"]);
  });
});
