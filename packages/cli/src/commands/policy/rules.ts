import { ruleSet, rulesForJurisdiction } from "@isoloir/policies";
import { type Citation, type Jurisdiction, jurisdictions, type Rule } from "@isoloir/policy";
import { CliError } from "../../errors";

export function parseJurisdiction(value: string | undefined): Jurisdiction | undefined {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase();
  const found = jurisdictions.find((j) => j === upper);
  if (!found) throw new CliError(`unknown jurisdiction "${value}" — use one of ${jurisdictions.join(", ")}`);
  return found;
}

export const selectRules = (jurisdiction: Jurisdiction | undefined): readonly Rule[] =>
  jurisdiction ? rulesForJurisdiction(jurisdiction) : ruleSet;

export function citationText(c: Citation): string {
  return [c.text, c.article, c.date].filter(Boolean).join(", ") + (c.url ? ` <${c.url}>` : "");
}

const basisNote = (rule: Rule): string =>
  rule.basis.every((b) => b === "P") ? "" : " (to be checked against the primary text)";

export function ruleBlock(rule: Rule): string {
  return [
    `${rule.id} — ${rule.title}`,
    `  ${rule.summary}`,
    `  pack ${rule.pack}; effect ${rule.effect}; basis ${rule.basis.join("/")}${basisNote(rule)}; force ${rule.force.join(" + ")}; severity ${rule.severity.level}`,
    ...rule.citations.map((c) => `  - ${citationText(c)}`),
  ].join("\n");
}

export const ruleSummary = (rule: Rule) => ({
  id: rule.id,
  title: rule.title,
  summary: rule.summary,
  pack: rule.pack,
  effect: rule.effect,
  actions: rule.actions,
  basis: rule.basis,
  force: rule.force,
  severity: rule.severity,
  citations: rule.citations,
});

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

/** The ids closest to a mistyped one: those containing it, then by edit distance. */
export function nearMatches(query: string, ids: readonly string[], limit = 5): string[] {
  const q = query.toUpperCase();
  const containing = ids.filter((id) => id.includes(q) || q.includes(id));
  const byDistance = [...ids].sort((a, b) => distance(q, a) - distance(q, b));
  return [...new Set([...containing, ...byDistance])].slice(0, limit);
}
