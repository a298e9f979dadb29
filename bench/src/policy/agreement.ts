import type { CompiledPolicy, EngineFacts } from "@isoloir/policy";
import type { Verdict } from "./hand-written";

export interface Disagreement {
  index: number;
  engine: Verdict;
  others: Record<string, Verdict>;
  /** the rules behind the engine's decision */
  rules: string[];
}

export interface Agreement {
  facts: number;
  agreed: number;
  verdicts: Record<Verdict, number>;
  /** how many decisions each rule gave a reason to */
  rules: Record<string, number>;
  /** the first disagreements (at most 10) */
  disagreements: Disagreement[];
  disagreeing: number;
}

/** Decides every fact with the engine and each other decider; counts where all of them agree. */
export function checkAgreement(
  engine: CompiledPolicy,
  others: Readonly<Record<string, (f: EngineFacts) => Verdict>>,
  facts: readonly EngineFacts[],
): Agreement {
  const verdicts: Record<Verdict, number> = { allow: 0, deny: 0, escalate: 0 };
  const rules: Record<string, number> = {};
  const disagreements: Disagreement[] = [];
  let agreed = 0;
  facts.forEach((f, index) => {
    const result = engine.evaluate(f);
    const verdict = result.decision as Verdict;
    verdicts[verdict]++;
    for (const r of result.reasons) rules[r.ruleId] = (rules[r.ruleId] ?? 0) + 1;
    const theirs = Object.fromEntries(Object.entries(others).map(([name, decide]) => [name, decide(f)]));
    if (Object.values(theirs).every((v) => v === verdict)) agreed++;
    else if (disagreements.length < 10) {
      disagreements.push({
        index,
        engine: verdict,
        others: theirs,
        rules: result.reasons.map((r) => r.ruleId),
      });
    }
  });
  return { facts: facts.length, agreed, verdicts, rules, disagreements, disagreeing: facts.length - agreed };
}
