import { EXPORT_FORMAT, type RuleSetExport } from "@isoloir/policy";
import { PolicyDiffError } from "./git";

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Checks that what a ref's `isoloir policy export` printed is a rule set this engine reads
 * (null stays null: a ref without policies/). `where` names the side in the error.
 */
export function parseRuleSetExport(value: unknown, where: string): RuleSetExport | null {
  if (value === null) return null;
  if (!isObject(value)) throw new PolicyDiffError(`the rule set exported at ${where} is not a JSON object`);
  if (value.format !== EXPORT_FORMAT) {
    throw new PolicyDiffError(
      `the rule set exported at ${where} has format ${JSON.stringify(value.format)}; this engine reads "${EXPORT_FORMAT}"`,
    );
  }
  for (const field of ["semver", "contentHash", "policySetVersion"] as const) {
    if (typeof value[field] !== "string") {
      throw new PolicyDiffError(`the rule set exported at ${where} has no ${field}`);
    }
  }
  const rules = value.rules;
  if (!Array.isArray(rules) || !rules.every((r) => isObject(r) && typeof r.id === "string")) {
    throw new PolicyDiffError(`the rule set exported at ${where} has no list of rules with ids`);
  }
  return value as unknown as RuleSetExport;
}
