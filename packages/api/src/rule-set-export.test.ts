import { exportPolicySet, exportPolicySetJson } from "@isoloir/policies";
import { maxExportChars, maxJsonDepth, RuleSetExport } from "@isoloir/policy";
import { describe, expect, it } from "vitest";

const current = () => structuredClone(exportPolicySet());
const issuesOf = (input: unknown) => {
  const parsed = RuleSetExport.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("RuleSetExport", () => {
  it("accepts exactly what `isoloir policy export` prints", () => {
    expect(issuesOf(JSON.parse(exportPolicySetJson()))).toEqual([]);
  });

  it("refuses another format, an unknown field and a rule listed twice", () => {
    expect(issuesOf({ ...current(), format: "isoloir-policy-set/0" })).toEqual([
      expect.stringMatching(/^format:/),
    ]);
    const extra = current();
    Object.assign(extra.rules[0] ?? {}, { note: "x" });
    expect(issuesOf(extra).join()).toMatch(/rules\.0/);
    const twice = current();
    twice.rules.push(structuredClone(twice.rules[0] ?? twice.rules[1]) as (typeof twice.rules)[number]);
    expect(issuesOf(twice).join()).toMatch(/appears twice/);
  });

  it("refuses a predicate of an unknown kind", () => {
    const bad = current() as unknown as { rules: { deny: { when: unknown }[] }[] };
    const clause = bad.rules.find((r) => r.deny.length > 0)?.deny[0];
    if (clause) clause.when = { kind: "eval", code: "process.exit()" };
    expect(issuesOf(bad).length).toBeGreaterThan(0);
  });

  it("refuses an input too large or nested too deep, before parsing it", () => {
    const big = current();
    const first = big.rules[0];
    if (first) first.summary = "x".repeat(maxExportChars);
    expect(issuesOf(big)).toEqual([expect.stringMatching(/at most 3000000 characters/)]);
    let deep: unknown = { kind: "const", value: true };
    for (let i = 0; i < maxJsonDepth; i++) deep = { kind: "not", node: deep };
    const nested = current() as unknown as { rules: { deny: { when: unknown }[] }[] };
    const clause = nested.rules.find((r) => r.deny.length > 0)?.deny[0];
    if (clause) clause.when = deep;
    expect(issuesOf(nested)).toEqual([expect.stringMatching(/nest at most 100 levels/)]);
  });
});
