import { EXPORT_FORMAT, RuleSetExport } from "@isoloir/policy";
import { PolicyDiffError } from "./git";

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Checks that what a ref's `isoloir policy export` printed is a rule set this engine reads, with the
 * engine's own parser of an export (null stays null: a ref without policies/). `where` names the side
 * in the error, and the error names the field.
 */
export function parseRuleSetExport(value: unknown, where: string): RuleSetExport | null {
  if (value === null) return null;
  if (!isObject(value)) throw new PolicyDiffError(`the rule set exported at ${where} is not a JSON object`);
  if (value.format !== EXPORT_FORMAT) {
    throw new PolicyDiffError(
      `the rule set exported at ${where} has format ${JSON.stringify(value.format)}; this engine reads "${EXPORT_FORMAT}"`,
    );
  }
  const parsed = RuleSetExport.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    .join("; ");
  throw new PolicyDiffError(`the rule set exported at ${where} is not one this engine reads: ${problems}`);
}
