import {
  exportPolicySet,
  policySetVersion,
  references,
  ruleById,
  ruleSet,
  rulesForJurisdiction,
  semver,
} from "@isoloir/policies";
import { diffRuleSets, explain, jurisdictions, type Lang, type Rule, RuleSetExport } from "@isoloir/policy";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { caseCounts, casesOfRule } from "../rule-cases";
import { capable, router } from "../trpc";

const Language = z.enum(["fr", "en"]);

// The rule set is fixed for the life of the process: explanations are generated once per language.
const explanations = new Map<string, string>();
function explained(rule: Rule, lang: Lang): string {
  const key = `${lang}:${rule.id}`;
  let text = explanations.get(key);
  if (text === undefined) {
    text = explain(rule, lang);
    explanations.set(key, text);
  }
  return text;
}

/** What the rules browser shows of a rule; the trees themselves stay on the server (see `current`). */
function ruleView(rule: Rule, lang: Lang, caseCount: number) {
  return {
    id: rule.id,
    title: rule.title,
    summary: rule.summary,
    pack: rule.pack,
    actions: rule.actions,
    effect: rule.effect,
    basis: rule.basis,
    force: rule.force,
    severity: rule.severity,
    validFrom: rule.validFrom ?? null,
    validUntil: rule.validUntil ?? null,
    citations: rule.citations.map((c) => ({
      ...c,
      reference: c.ref && c.ref in references ? references[c.ref as keyof typeof references].title : null,
    })),
    explanation: explained(rule, lang),
    caseCount,
  };
}

const versionOf = (set: RuleSetExport) => ({
  semver: set.semver,
  policySetVersion: set.policySetVersion,
  contentHash: set.contentHash,
  rules: set.rules.length,
});

export const rulesRouter = router({
  /** The rules of a jurisdiction's packs (FR → FR + EU + ORG, …), or every rule, sorted by id. */
  list: capable("readRules")
    .input(z.strictObject({ jurisdiction: z.enum(jurisdictions).optional(), lang: Language.default("fr") }))
    .query(({ input }) => {
      const counts = caseCounts();
      const rules = input.jurisdiction ? rulesForJurisdiction(input.jurisdiction) : [...ruleSet];
      return {
        semver,
        policySetVersion,
        jurisdiction: input.jurisdiction ?? null,
        rules: rules
          .sort((a, b) => a.id.localeCompare(b.id))
          .map((r) => ruleView(r, input.lang, counts.get(r.id) ?? 0)),
      };
    }),

  /** One rule, explained in `lang`, with the case files that pin it down. */
  get: capable("readRules")
    .input(z.strictObject({ id: z.string().min(1).max(120), lang: Language.default("fr") }))
    .query(({ input }) => {
      const rule = ruleById(input.id);
      if (!rule) throw new TRPCError({ code: "NOT_FOUND", message: `no rule ${input.id}` });
      const cases = casesOfRule(rule.id);
      return { ...ruleView(rule, input.lang, cases.length), cases, policySetVersion };
    }),

  /** The current rule set exactly as `isoloir policy export` prints it, to compare an older export with. */
  current: capable("readRules").query(() => exportPolicySet()),

  /**
   * Rules added, removed and changed from `base` to `head` (two exports), explained before and after.
   * A mutation only because two exports are too large for a GET URL: it reads and writes nothing.
   */
  diff: capable("readDiffs")
    .input(z.strictObject({ base: RuleSetExport, head: RuleSetExport, lang: Language.default("fr") }))
    .mutation(({ input }) => {
      let diff: ReturnType<typeof diffRuleSets>;
      try {
        diff = diffRuleSets(input.base, input.head, input.lang);
      } catch {
        throw new TRPCError({ code: "BAD_REQUEST", message: "a rule of the exports could not be explained" });
      }
      return { base: versionOf(input.base), head: versionOf(input.head), ...diff };
    }),
});
