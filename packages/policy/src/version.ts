import { canonicalJson } from "./canonical";
import type { Rule } from "./rule";
import type { RuleSetExport } from "./rule-set-export";
import { sha256Hex } from "./sha256";

export const EXPORT_FORMAT = "isoloir-policy-set/1";

export const sortRules = (rules: readonly Rule[]): Rule[] =>
  [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Full hex SHA-256 of the canonical JSON of the rules, sorted by id. */
export function contentHash(rules: readonly Rule[]): string {
  return sha256Hex(canonicalJson(sortRules(rules)));
}

/** `<semver>+<first 12 hex of the content hash>`. */
export function policySetVersion(semver: string, rules: readonly Rule[]): string {
  return `${semver}+${contentHash(rules).slice(0, 12)}`;
}

export function exportRuleSet(rules: readonly Rule[], semver: string): RuleSetExport {
  const hash = contentHash(rules);
  return {
    format: EXPORT_FORMAT,
    semver,
    contentHash: hash,
    policySetVersion: `${semver}+${hash.slice(0, 12)}`,
    rules: sortRules(rules),
  };
}

/** The canonical JSON text of an export: sorted keys, rules sorted by id. */
export function exportCanonicalJson(rules: readonly Rule[], semver: string): string {
  return canonicalJson(exportRuleSet(rules, semver));
}
