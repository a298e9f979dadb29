import type { Lang, RuleSetExport } from "@isoloir/policy";
import { caseFilesAtCommit, caseFilesInWorkingTree, unionOfCases } from "./case-files";
import { compareRuleSets, type PolicyDiffReport, type Side } from "./compare";
import { exportAtRef, type RefExport } from "./export-at-ref";
import { git, PolicyDiffError, resolveCommit } from "./git";
import { parseRuleSetExport } from "./rule-set";

export const DEFAULT_POPULATION = 20_000;
/** The population's seed: fixed, so the same two rule sets always give the same counts. */
export const POPULATION_SEED = 2027;

export type HeadSide =
  | { ref: string }
  /** the running checkout: its rule set exported in-process, its case files read from disk */
  | { workingTree: { root: string; exported: RuleSetExport } };

export interface DiffRefsOptions {
  /** the git repository whose refs are compared */
  repo: string;
  base: string;
  head: HeadSide;
  /** generated contacts to replay (default 20,000; 0: none) */
  population?: number;
  lang?: Lang;
  /** told what is happening (for a progress line on stderr) */
  progress?: (message: string) => void;
}

function checkRepository(repo: string): void {
  try {
    git(repo, ["rev-parse", "--git-dir"]);
  } catch {
    throw new PolicyDiffError(`${repo} is not a git repository: run policy diff inside a clone`);
  }
}

/** Like resolveCommit, adding a hint when the clone is too shallow to hold the ref. */
function resolveRef(repo: string, ref: string): string {
  try {
    return resolveCommit(repo, ref);
  } catch (error) {
    const shallow = git(repo, ["rev-parse", "--is-shallow-repository"]) === "true";
    if (!shallow) throw error;
    throw new PolicyDiffError(
      `${(error as Error).message} (this clone is shallow: fetch its history, e.g. git fetch --unshallow)`,
    );
  }
}

function refSide(exported: RefExport): Side {
  const where = `${exported.ref} (${exported.commit.slice(0, 12)})`;
  return {
    info: { label: exported.ref, commit: exported.commit, dependencies: exported.dependencies },
    exported: parseRuleSetExport(exported.exported, where),
  };
}

/**
 * `isoloir policy diff`: exports each ref with its own engine in a temporary worktree, reads the
 * case files of both sides, generates the population, and compares everything with this engine.
 * (The work is synchronous — git, the exports, the evaluation; only the generator's import awaits.)
 */
export async function diffRefs(options: DiffRefsOptions): Promise<PolicyDiffReport> {
  const { repo, progress = () => {} } = options;
  checkRepository(repo);
  const baseCommit = resolveRef(repo, options.base);
  const headRef = "ref" in options.head ? options.head.ref : undefined;
  const headCommit = headRef === undefined ? undefined : resolveRef(repo, headRef);

  progress(`exporting the rule set at ${options.base}`);
  const baseExport = exportAtRef(repo, options.base);
  let headExport: RefExport | undefined;
  if (headRef !== undefined) {
    progress(`exporting the rule set at ${headRef}`);
    headExport = headCommit === baseCommit ? { ...baseExport, ref: headRef } : exportAtRef(repo, headRef);
  }
  const base = refSide(baseExport);
  const head: Side = headExport
    ? refSide(headExport)
    : {
        info: { label: "working tree", dependencies: "in-process" },
        exported: workingTreeExport(options.head),
      };

  progress("reading the case files");
  const baseCases = caseFilesAtCommit(repo, baseCommit);
  const headCases = headCommit
    ? caseFilesAtCommit(repo, headCommit)
    : caseFilesInWorkingTree("workingTree" in options.head ? options.head.workingTree.root : repo);

  const size = options.population ?? DEFAULT_POPULATION;
  progress(`generating ${size.toLocaleString("en-US")} contacts and evaluating both rule sets`);
  return compareRuleSets({
    base,
    head,
    cases: unionOfCases(baseCases, headCases),
    population: { seed: POPULATION_SEED, facts: await population(size) },
    ...(options.lang ? { lang: options.lang } : {}),
  });
}

/** Loaded on use: the generator (fast-check) is the heaviest import here, and --population 0 needs none. */
async function population(size: number): Promise<unknown[]> {
  if (size === 0) return [];
  const { generatePopulation } = await import("@isoloir/policy-gen");
  return generatePopulation(size, POPULATION_SEED);
}

function workingTreeExport(head: HeadSide): RuleSetExport | null {
  if (!("workingTree" in head)) return null;
  return parseRuleSetExport(head.workingTree.exported, "the working tree");
}
