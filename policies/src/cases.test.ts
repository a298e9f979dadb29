import { describe, expect, it } from "vitest";
import { loadCases } from "./case-files";
import { policy } from "./index";

const cases = loadCases();

describe("policy cases", () => {
  it.each(cases.map((c) => [c.case.name, c] as const))("%s", (_name, { case: kase }) => {
    const expected = kase.expect;
    expect(expected, "every case states its expected verdict").toBeDefined();
    if (!expected) return;
    const result = policy().evaluate(kase);
    const cited = result.reasons.map((r) => r.ruleId);
    expect({ decision: result.decision, reasons: result.reasons }).toMatchObject({
      decision: expected.decision,
    });
    for (const id of expected.rules ?? []) expect(cited, `reasons cite ${id}`).toContain(id);
    for (const o of expected.obligations ?? []) expect(result.obligations, `obligation ${o}`).toContain(o);
  });
});
