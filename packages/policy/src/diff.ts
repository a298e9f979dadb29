import { canonicalJson } from "./canonical";
import { explain, type Lang } from "./explain";
import type { Rule } from "./rule";
import type { RuleSetExport } from "./rule-set-export";
import { sortRules } from "./version";

export interface RuleAdded {
  id: string;
  title: string;
  after: string;
}
export interface RuleRemoved {
  id: string;
  title: string;
  before: string;
}
export interface RuleChanged {
  id: string;
  title: string;
  /** top-level rule fields whose content differs (e.g. "deny", "citations") */
  fields: string[];
  before: string;
  after: string;
}
export interface RuleSetDiff {
  added: RuleAdded[];
  removed: RuleRemoved[];
  changed: RuleChanged[];
  unchanged: number;
}

type RuleSource = readonly Rule[] | RuleSetExport | null | undefined;

const rulesOf = (source: RuleSource): Rule[] =>
  !source ? [] : "rules" in source ? source.rules : [...source];

function changedFields(before: Rule, after: Rule): string[] {
  const was = new Map<string, unknown>(Object.entries(before));
  const is = new Map<string, unknown>(Object.entries(after));
  const keys = [...new Set([...was.keys(), ...is.keys()])].sort();
  return keys.filter((k) => canonicalJson(was.get(k)) !== canonicalJson(is.get(k)));
}

/**
 * Rules added, removed and changed between two rule sets (null: an empty set, e.g. a ref without
 * policies/), with plain-language explanations before and after. Pure.
 */
export function diffRuleSets(base: RuleSource, head: RuleSource, lang: Lang = "en"): RuleSetDiff {
  const before = new Map(sortRules(rulesOf(base)).map((r) => [r.id, r]));
  const after = new Map(sortRules(rulesOf(head)).map((r) => [r.id, r]));
  const diff: RuleSetDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [id, rule] of after) {
    const old = before.get(id);
    if (!old) diff.added.push({ id, title: rule.title, after: explain(rule, lang) });
    else if (canonicalJson(old) === canonicalJson(rule)) diff.unchanged += 1;
    else {
      diff.changed.push({
        id,
        title: rule.title,
        fields: changedFields(old, rule),
        before: explain(old, lang),
        after: explain(rule, lang),
      });
    }
  }
  for (const [id, rule] of before) {
    if (!after.has(id)) diff.removed.push({ id, title: rule.title, before: explain(rule, lang) });
  }
  return diff;
}
