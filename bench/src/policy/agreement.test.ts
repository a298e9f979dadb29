import { rulesById, semver } from "@isoloir/policies";
import { compilePolicy } from "@isoloir/policy";
import { describe, expect, it } from "vitest";
import { checkAgreement } from "./agreement";
import { cedarDecide, prepareCedar } from "./cedar";
import { decideEmailContact } from "./hand-written";
import { benchmarkFacts, emailRuleIds } from "./subset";

const { email } = benchmarkFacts(2_000, 11);
const engine = compilePolicy(rulesById(emailRuleIds), { semver });

describe("the email-subset contenders", () => {
  it("the hand-written function decides as the engine on 2,000 generated FR email contacts", () => {
    const result = checkAgreement(engine, { handWritten: decideEmailContact }, email);
    expect(result.disagreements).toEqual([]);
    expect(result.agreed).toBe(2_000);
  });

  it("Cedar decides as the engine on 500 of them", () => {
    prepareCedar();
    const result = checkAgreement(engine, { cedar: cedarDecide }, email.slice(0, 500));
    expect(result.disagreements).toEqual([]);
  });

  it("the facts exercise every rule of the subset and all three decisions", () => {
    const result = checkAgreement(engine, {}, email);
    expect(Object.keys(result.rules).sort()).toEqual([...emailRuleIds].sort());
    expect(Object.values(result.verdicts).every((n) => n > 0)).toBe(true);
  });

  it("a hand-written function that never escalates is caught disagreeing", () => {
    const neverEscalates = (f: (typeof email)[number]) => {
      const v = decideEmailContact(f);
      return v === "escalate" ? "allow" : v;
    };
    expect(checkAgreement(engine, { neverEscalates }, email).disagreeing).toBeGreaterThan(0);
  });
});
