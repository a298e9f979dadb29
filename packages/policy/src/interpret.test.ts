import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as b from "./builder";
import { compileNode } from "./compile";
import { EvalContext } from "./context";
import { interpretNode } from "./interpret";
import type { DayExpr, Node } from "./nodes";
import { factsArb } from "./testing";
import * as V from "./vocabulary";

const dayArb: fc.Arbitrary<DayExpr> = fc
  .oneof(
    fc.constantFrom(
      b.firstRound,
      b.lastRound,
      b.round(2),
      b.proclaimed,
      b.dayOf("contact.lastMessageAt"),
      b.dayOf("contact.collectedAt"),
      b.date("2027-01-15"),
    ),
  )
  .chain((day) =>
    fc.oneof(
      fc.constant(day),
      fc.integer({ min: -70, max: 70 }).map((n) => b.plusDays(day, n)),
      fc.integer({ min: -8, max: 8 }).map((n) => b.plusMonths(day, n)),
      fc.integer({ min: -8, max: 0 }).map((n) => b.monthStart(day, n)),
      fc.constant(b.plusLitigationWindow(day)),
    ),
  );

const leafArb: fc.Arbitrary<Node> = fc.oneof(
  fc.constantFrom(...V.channels).map((c) => b.eq("action.channel", c)),
  fc.subarray([...V.contactClasses], { minLength: 1 }).map((cs) => b.oneOf("contact.class", cs)),
  fc.subarray([...V.sources], { minLength: 1 }).map((s) => b.oneOf("contact.source", s)),
  fc.constantFrom(...V.dataCategories).map((c) => b.has("contact.dataCategories", c)),
  fc.integer({ min: 0, max: 20 }).map((n) => b.cmp("contact.ageYears", "<", n * 5)),
  fc.constantFrom(b.exists("election"), b.exists("contact.lastMessageAt"), b.exists("contact.country")),
  dayArb.map((d) => b.afterDay(d)),
  dayArb.map((d) => b.before(b.startOf(d, "20:00"))),
  fc.constantFrom(b.roundWindow({ days: -1, time: "00:00" }, { days: 0, time: "20:00" })),
  fc.constantFrom(...V.consentScopes).map((s) => b.validConsent(s)),
  fc.constantFrom(
    b.validConsentForAction(),
    b.validConsentForAction(["parental_joint"]),
    b.recordedConsent("action"),
  ),
  fc.constantFrom(b.objectionCoversAll, b.objectionCoversChannel, b.enrichmentSwitchOn, b.always, b.never),
);

const treeArb: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leafArb,
    fc.array(tie("node"), { minLength: 1, maxLength: 4 }).map((ns) => ({ kind: "and" as const, nodes: ns })),
    fc.array(tie("node"), { minLength: 1, maxLength: 4 }).map((ns) => ({ kind: "or" as const, nodes: ns })),
    tie("node").map((n) => ({ kind: "not" as const, node: n })),
  ),
})).node;

describe("compiled closures", () => {
  it("agree with the reference interpreter on generated trees and facts", () => {
    fc.assert(
      fc.property(treeArb, fc.array(factsArb, { minLength: 1, maxLength: 8 }), (tree, factsList) => {
        const compiled = compileNode(tree);
        for (const facts of factsList) {
          const ctx = () => new EvalContext(facts, () => "prospect");
          expect(compiled(ctx())).toBe(interpretNode(tree, ctx()));
        }
      }),
      { numRuns: 1500 },
    );
  });
});
