import {
  type CompiledPolicy,
  compilePolicy,
  describeIssues,
  diffRuleSets,
  type Lang,
  parseCase,
  type RuleSetDiff,
  type RuleSetExport,
} from "@isoloir/policy";
import { PolicyDiffError } from "./git";
import { type PopulationFlips, populationFlips } from "./population";
import { sameVerdict, type Verdict, verdictOf } from "./verdict";

/** One side of a diff, as the report names it. */
export interface SideInfo {
  /** what the user gave (`HEAD~1`), or `working tree` for the running checkout */
  label: string;
  commit?: string;
  /** null: no rule set at all (a ref without policies/) */
  policySetVersion: string | null;
  rules: number;
  /** how the side's engine got its dependencies: linked, installed, none (no policies/), in-process */
  dependencies: "linked" | "installed" | "none" | "in-process";
}

export interface Side {
  info: Omit<SideInfo, "policySetVersion" | "rules">;
  exported: RuleSetExport | null;
}

/** A case file by its path in the repository, with its text on each side where it exists. */
export interface CaseSource {
  file: string;
  base?: string;
  head?: string;
}

export interface CaseFlip {
  file: string;
  name: string;
  /** where the file exists; a file on both sides is read in its head version */
  in: "both" | "base" | "head";
  before: Verdict;
  after: Verdict;
}

export interface UnreadableCase {
  file: string;
  in: "both" | "base" | "head";
  message: string;
}

export interface PolicyDiffReport {
  base: SideInfo;
  head: SideInfo;
  rules: RuleSetDiff;
  cases: { evaluated: number; flipped: CaseFlip[]; unreadable: UnreadableCase[] };
  population: PopulationFlips;
  /** flipped cases + flipped generated contacts: non-zero means exit 1 */
  flips: number;
}

export interface CompareInput {
  base: Side;
  head: Side;
  cases: readonly CaseSource[];
  population: { seed: number; facts: readonly unknown[] };
  lang?: Lang;
}

function compileSide(side: Side): CompiledPolicy {
  const { exported } = side;
  try {
    return compilePolicy(exported?.rules ?? [], { semver: exported?.semver ?? "0.0.0" });
  } catch (error) {
    throw new PolicyDiffError(
      `the rule set of ${side.info.label} cannot be compiled by this engine: ${(error as Error).message}`,
    );
  }
}

const sideInfo = (side: Side): SideInfo => ({
  ...side.info,
  policySetVersion: side.exported?.policySetVersion ?? null,
  rules: side.exported?.rules.length ?? 0,
});

const presence = (c: CaseSource): CaseFlip["in"] =>
  c.base !== undefined && c.head !== undefined ? "both" : c.head !== undefined ? "head" : "base";

type ReadCase =
  | { ok: true; facts: Parameters<CompiledPolicy["evaluate"]>[0]; name: string }
  | { ok: false; message: string };

function readCase(text: string): ReadCase {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not valid JSON (${(error as Error).message})` };
  }
  const parsed = parseCase(json);
  if (!parsed.ok) return { ok: false, message: describeIssues(parsed.issues) };
  return { ok: true, facts: parsed.value, name: parsed.value.name };
}

function compareCases(base: CompiledPolicy, head: CompiledPolicy, sources: readonly CaseSource[]) {
  const out: PolicyDiffReport["cases"] = { evaluated: 0, flipped: [], unreadable: [] };
  for (const source of [...sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const where = presence(source);
    const read = readCase(source.head ?? source.base ?? "");
    if (!read.ok) {
      out.unreadable.push({ file: source.file, in: where, message: read.message });
      continue;
    }
    out.evaluated += 1;
    const before = verdictOf(base.evaluate(read.facts));
    const after = verdictOf(head.evaluate(read.facts));
    if (!sameVerdict(before, after))
      out.flipped.push({ file: source.file, name: read.name, in: where, before, after });
  }
  return out;
}

/**
 * The whole comparison, with no I/O: rules added, removed and changed; every case whose verdict
 * flips; and the generated contacts that flip, per action and channel. Both rule sets are compiled
 * and evaluated by this (the head) engine.
 */
export function compareRuleSets(input: CompareInput): PolicyDiffReport {
  const base = compileSide(input.base);
  const head = compileSide(input.head);
  let rules: RuleSetDiff;
  try {
    rules = diffRuleSets(input.base.exported, input.head.exported, input.lang ?? "en");
  } catch (error) {
    throw new PolicyDiffError(`the rules cannot be explained by this engine: ${(error as Error).message}`);
  }
  const cases = compareCases(base, head, input.cases);
  const population = populationFlips(base, head, input.population.facts, input.population.seed);
  return {
    base: sideInfo(input.base),
    head: sideInfo(input.head),
    rules,
    cases,
    population,
    flips: cases.flipped.length + population.flipped,
  };
}

/** Exit code (docs/cli.md): 1 when any verdict flips, else 0 (errors are thrown, and exit 2). */
export const exitCodeOf = (report: PolicyDiffReport): 0 | 1 => (report.flips > 0 ? 1 : 0);
