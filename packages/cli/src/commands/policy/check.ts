import type { CompiledPolicy, DecisionResult, Expectation, PolicyCase } from "@isoloir/policy";
import { displayPath, type LoadedCase, type MalformedFile } from "./case-files";

export interface CaseFailure {
  file: string;
  name: string;
  expected: Expectation;
  got: DecisionResult;
  missingRules: string[];
  missingObligations: string[];
}

export interface CheckReport {
  passed: number;
  failed: number;
  malformed: MalformedFile[];
  failures: CaseFailure[];
  policySetVersion: string;
}

/** Compares one case's verdict with its expectation. */
export function compare(
  file: string,
  kase: PolicyCase,
  expected: Expectation,
  got: DecisionResult,
): CaseFailure | undefined {
  const missingRules = (expected.rules ?? []).filter((id) => !got.reasons.some((r) => r.ruleId === id));
  const missingObligations = (expected.obligations ?? []).filter((o) => !got.obligations.includes(o));
  if (got.decision === expected.decision && missingRules.length === 0 && missingObligations.length === 0)
    return undefined;
  return { file, name: kase.name, expected, got, missingRules, missingObligations };
}

export function runCheck(policy: CompiledPolicy, cases: readonly LoadedCase[]): CheckReport {
  const report: CheckReport = {
    passed: 0,
    failed: 0,
    malformed: [],
    failures: [],
    policySetVersion: policy.policySetVersion,
  };
  for (const loaded of cases) {
    if (!loaded.ok) {
      report.malformed.push({
        file: loaded.file,
        ...(loaded.path ? { path: loaded.path } : {}),
        message: loaded.message,
      });
      continue;
    }
    const kase = loaded.value;
    const expected = kase.expect as Expectation;
    const failure = compare(loaded.file, kase, expected, policy.evaluate(kase));
    if (failure) {
      report.failed += 1;
      report.failures.push(failure);
    } else report.passed += 1;
  }
  return report;
}

const verdict = (decision: string, rules: readonly string[], obligations: readonly string[]): string => {
  const parts = [
    rules.length > 0 ? `rules ${rules.join(", ")}` : "",
    obligations.length > 0 ? `obligations ${obligations.join(", ")}` : "",
  ];
  const detail = parts.filter(Boolean).join("; ");
  return detail ? `${decision} (${detail})` : decision;
};

/** One line per failing case: name, expected, got, reasons. */
export function failureLine(f: CaseFailure): string {
  const expected = verdict(f.expected.decision, f.expected.rules ?? [], f.expected.obligations ?? []);
  const got = verdict(f.got.decision, [], f.got.obligations);
  const reasons = f.got.reasons.map((r) => `${r.ruleId}: ${r.sentence}`).join(" | ") || "none";
  const missing = [
    f.missingRules.length > 0 ? `missing rules ${f.missingRules.join(", ")}` : "",
    f.missingObligations.length > 0 ? `missing obligations ${f.missingObligations.join(", ")}` : "",
  ]
    .filter(Boolean)
    .join("; ");
  return `FAIL ${f.name} [${displayPath(f.file)}] — expected ${expected}, got ${got}${missing ? ` — ${missing}` : ""} — reasons: ${reasons}`;
}

export const closingLine = (r: CheckReport): string => `${r.passed} passed, ${r.failed} failed`;
