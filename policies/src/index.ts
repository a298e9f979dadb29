import {
  type CompiledPolicy,
  compilePolicy,
  exportCanonicalJson,
  exportRuleSet,
  type Jurisdiction,
  packsOf,
  type Rule,
  type RuleSetExport,
  renderRuleReference,
  policySetVersion as versionOf,
} from "@isoloir/policy";
import version from "../version.json" with { type: "json" };
import { deRules } from "./de/index";
import { euRules } from "./eu/index";
import { frRules } from "./fr/index";
import { luRules } from "./lu/index";
import { orgRules } from "./org/index";
import { ukRules } from "./uk/index";
import { usRules } from "./us/index";

export { references } from "./references";
export { deRules, euRules, frRules, luRules, orgRules, ukRules, usRules };

/** The rule set's semantic version; policies/version.json also stores the content hash it was cut at. */
export const semver: string = version.semver;
export const storedContentHash: string = version.contentHash;

/** Every rule of the catalogue (sections 1.A–I, 1.K and 3), by pack. */
export const ruleSet: readonly Rule[] = [
  ...frRules,
  ...euRules,
  ...ukRules,
  ...deRules,
  ...luRules,
  ...usRules,
  ...orgRules,
];

export const policySetVersion: string = versionOf(semver, ruleSet);

/** The rules of the packs a jurisdiction applies (FR → FR + EU + ORG, …). */
export function rulesForJurisdiction(jurisdiction: Jurisdiction): Rule[] {
  const packs = packsOf[jurisdiction];
  return ruleSet.filter((r) => packs.includes(r.pack));
}

export function ruleById(id: string): Rule | undefined {
  return ruleSet.find((r) => r.id === id);
}

/** A subset of rules by id, plus the classification rules that derive a missing class. */
export function rulesById(ids: readonly string[]): Rule[] {
  const wanted = new Set(ids);
  return ruleSet.filter((r) => wanted.has(r.id) || r.effect === "classification");
}

let compiled: CompiledPolicy | undefined;
/** The whole rule set, compiled once. */
export function policy(): CompiledPolicy {
  compiled ??= compilePolicy(ruleSet, { semver });
  return compiled;
}

export function exportPolicySet(): RuleSetExport {
  return exportRuleSet(ruleSet, semver);
}

/** What `isoloir policy export` prints. */
export function exportPolicySetJson(): string {
  return exportCanonicalJson(ruleSet, semver);
}

/** The command that writes docs/rules.md, as its header and the docs test name it. */
export const ruleReferenceCommand = "npx isoloir policy reference > docs/rules.md";

/** What `isoloir policy reference` prints: the markdown of docs/rules.md. */
export function ruleReferenceMarkdown(): string {
  return renderRuleReference(ruleSet, { policySetVersion, command: ruleReferenceCommand });
}
