import { describe, expect, it } from "vitest";
import { type CompareInput, compareRuleSets, exitCodeOf, type Side } from "./compare";
import { caseText, email, exported, facts, importAllowed, sms, smsBan, suppression } from "./test-rules";

const side = (label: string, rules: Parameters<typeof exported>[0] | null): Side => ({
  info: { label, commit: label === "base" ? "a".repeat(40) : "b".repeat(40), dependencies: "linked" },
  exported: rules ? exported(rules) : null,
});

function input(over: Partial<CompareInput>): CompareInput {
  return {
    base: side("base", [suppression(), smsBan]),
    head: side("head", [suppression(), smsBan]),
    cases: [],
    population: { seed: 1, facts: [] },
    ...over,
  };
}

describe("compareRuleSets", () => {
  it("reports nothing and exit 0 for identical rule sets", () => {
    const report = compareRuleSets(
      input({
        cases: [{ file: "policies/cases/a.json", base: caseText("a", sms), head: caseText("a", sms) }],
        population: { seed: 1, facts: [facts(email), facts(sms, { suppressed: true })] },
      }),
    );
    expect(report.rules).toMatchObject({ added: [], removed: [], changed: [], unchanged: 2 });
    expect(report.cases).toMatchObject({ evaluated: 1, flipped: [], unreadable: [] });
    expect(report.population).toMatchObject({ size: 2, flipped: 0, invalid: 0 });
    expect(report.base.policySetVersion).toBe(report.head.policySetVersion);
    expect(exitCodeOf(report)).toBe(0);
  });

  it("lists a changed rule with its fields and the case whose verdict flips, and exits 1", () => {
    const report = compareRuleSets(
      input({
        head: side("head", [suppression(["import"]), smsBan]),
        cases: [
          {
            file: "policies/cases/suppressed.json",
            base: caseText("a suppressed person gets no email", email, { suppressed: true }),
            head: caseText("a suppressed person gets no email", email, { suppressed: true }),
          },
          { file: "policies/cases/free.json", head: caseText("a free person gets an email", email) },
        ],
      }),
    );
    expect(report.rules.changed).toHaveLength(1);
    expect(report.rules.changed[0]).toMatchObject({ id: "ORG-TEST-SUPPRESSION", fields: ["actions"] });
    expect(report.rules.changed[0]?.before).not.toBe(report.rules.changed[0]?.after);
    expect(report.cases.flipped).toEqual([
      {
        file: "policies/cases/suppressed.json",
        name: "a suppressed person gets no email",
        in: "both",
        before: { decision: "deny", rules: ["ORG-TEST-SUPPRESSION"] },
        after: { decision: "allow", rules: [] },
      },
    ]);
    expect(report.cases.evaluated).toBe(2);
    expect(report.base.policySetVersion).not.toBe(report.head.policySetVersion);
    expect(exitCodeOf(report)).toBe(1);
  });

  it("counts a verdict whose decision stays but whose cited rules change as a flip", () => {
    const report = compareRuleSets(
      input({
        head: side("head", [suppression(["import"]), smsBan]),
        cases: [
          { file: "c.json", head: caseText("a suppressed person gets no SMS", sms, { suppressed: true }) },
        ],
      }),
    );
    expect(report.cases.flipped[0]).toMatchObject({
      in: "head",
      before: { decision: "deny", rules: ["ORG-TEST-NO-SMS", "ORG-TEST-SUPPRESSION"] },
      after: { decision: "deny", rules: ["ORG-TEST-NO-SMS"] },
    });
  });

  it("counts generated contacts that flip per action and channel, with how they changed", () => {
    const population = [
      facts(email, { suppressed: true }),
      facts(email, { suppressed: true }),
      facts(email),
      facts(sms, { suppressed: true }),
      facts({ type: "import" }, { suppressed: true }),
      facts({ type: "retain" }),
      { not: "facts" },
    ];
    const report = compareRuleSets(
      input({
        head: side("head", [suppression(["import"]), smsBan]),
        population: { seed: 9, facts: population },
      }),
    );
    expect(report.population).toMatchObject({ size: 7, seed: 9, invalid: 1, flipped: 3 });
    expect(report.population.groups).toEqual([
      {
        action: "contact",
        channel: "email",
        contacts: 3,
        flipped: 2,
        transitions: [{ change: "deny → allow", count: 2 }],
      },
      {
        action: "contact",
        channel: "sms",
        contacts: 1,
        flipped: 1,
        transitions: [{ change: "deny, other rules", count: 1 }],
      },
      { action: "import", contacts: 1, flipped: 0, transitions: [] },
      { action: "retain", contacts: 1, flipped: 0, transitions: [] },
    ]);
    expect(report.flips).toBe(3);
    expect(exitCodeOf(report)).toBe(1);
  });

  it("treats a side without a rule set as empty: every rule added, everything allowed before", () => {
    const report = compareRuleSets(
      input({
        base: side("base", null),
        head: side("head", [suppression(), smsBan, importAllowed]),
        cases: [{ file: "c.json", head: caseText("no SMS", sms) }],
      }),
    );
    expect(report.base).toMatchObject({ policySetVersion: null, rules: 0 });
    expect(report.rules.added.map((r) => r.id)).toEqual([
      "ORG-TEST-IMPORT",
      "ORG-TEST-NO-SMS",
      "ORG-TEST-SUPPRESSION",
    ]);
    expect(report.rules.added[0]?.after).toContain("ORG-TEST-IMPORT");
    expect(report.rules).toMatchObject({ removed: [], changed: [], unchanged: 0 });
    expect(report.cases.flipped[0]).toMatchObject({
      before: { decision: "allow", rules: [] },
      after: { decision: "deny" },
    });
  });

  it("lists a removed rule with its explanation", () => {
    const report = compareRuleSets(input({ head: side("head", [suppression()]) }));
    expect(report.rules.removed).toEqual([
      expect.objectContaining({ id: "ORG-TEST-NO-SMS", title: "No text messages" }),
    ]);
    expect(report.rules.removed[0]?.before).toContain("Denies");
  });

  it("reads a case file in its head version and reports unreadable ones with their side", () => {
    const report = compareRuleSets(
      input({
        cases: [
          { file: "both.json", base: "{", head: caseText("fixed", email) },
          { file: "gone.json", base: JSON.stringify({ name: "old format", surprise: 1 }) },
          { file: "broken.json", head: "not json" },
        ],
      }),
    );
    expect(report.cases.evaluated).toBe(1);
    expect(report.cases.unreadable).toEqual([
      { file: "broken.json", in: "head", message: expect.stringContaining("not valid JSON") },
      { file: "gone.json", in: "base", message: expect.stringContaining("surprise: unknown field") },
    ]);
  });

  it("names the side whose rule set this engine cannot compile", () => {
    const bad = exported([smsBan]);
    (bad.rules[0] as unknown as { deny: { when: unknown }[] }).deny[0] = {
      when: { kind: "no-such-node" },
    } as never;
    expect(() =>
      compareRuleSets(input({ base: { info: { label: "v0.9", dependencies: "installed" }, exported: bad } })),
    ).toThrow(/v0\.9/);
  });
});
