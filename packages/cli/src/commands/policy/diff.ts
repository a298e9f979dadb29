import { resolve } from "node:path";
import { exportPolicySetJson } from "@isoloir/policies";
import type { Lang, RuleSetExport } from "@isoloir/policy";
import {
  DEFAULT_POPULATION,
  diffRefs,
  exitCodeOf,
  POPULATION_SEED,
  PolicyDiffError,
  type PolicyDiffReport,
  renderMarkdown,
} from "@isoloir/policy-diff";
import { type Command, InvalidArgumentError, Option } from "commander";
import { globalOptions } from "../../context";
import { CliError, ExitCode } from "../../errors";
import { emit, showsProgress } from "../../output";
import { repoRoot } from "../../paths";

// `isoloir policy diff <base-ref> [<head-ref>]`: what a rule change flips. Opens no database.

interface DiffOptions {
  population: number;
  lang: Lang;
  repo: string;
}

function populationSize(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) {
    throw new InvalidArgumentError("give a whole number of contacts, e.g. --population 5000 (0: none)");
  }
  return n;
}

const help = `
Each given ref is checked out in a temporary git worktree with its own dependencies (linked when its
package-lock.json equals this checkout's, else npm ci) and exported by that ref's own engine. Without
<head-ref>, the head side is this checkout as it is on disk: the rule set of the running engine,
exported in-process, and the case files under policies/cases — what you want before committing.
This engine then compiles and evaluates both rule sets on every case file of either side
(policies/cases/**/*.json) and on a generated population (seed ${POPULATION_SEED}).

Prints markdown: both policy-set versions, rules added, removed and changed (in plain language,
before and after), every case whose verdict (decision + cited rule ids) flips, and the generated
contacts that flip per action and channel. Exits 0 when nothing flips, 1 when any case or contact
flips, 2 when it cannot run (an unknown ref, a ref whose export fails, a malformed case file).
There is no --database option yet: stored contacts are not replayed.

Examples:
  $ isoloir policy diff HEAD                      # the last commit → your uncommitted changes
  $ isoloir policy diff origin/main HEAD --population 5000
`;

export function registerDiff(policyCommand: Command): void {
  policyCommand
    .command("diff")
    .description(
      "show what changes between two rule sets: rules, case verdicts, generated contacts that flip",
    )
    .argument("<base-ref>", "the git ref to compare from (branch, tag, commit, HEAD~1)")
    .argument("[head-ref]", "the git ref to compare to (default: this checkout's working tree)")
    .addOption(
      new Option("--population <n>", "generated contacts to replay (0: none)")
        .argParser(populationSize)
        .default(DEFAULT_POPULATION),
    )
    .addOption(
      new Option("--lang <lang>", "language of the rule explanations").choices(["fr", "en"]).default("en"),
    )
    .option("--repo <dir>", "the git repository whose refs are compared", repoRoot)
    .addHelpText("after", help)
    .action(async (base: string, head: string | undefined, options: DiffOptions, command: Command) => {
      const opts = globalOptions(command);
      const report = await runDiff(base, head, options, showsProgress(opts));
      emit(
        opts,
        () => renderMarkdown(report),
        () => report,
      );
      const malformed = report.cases.unreadable.filter((u) => u.in !== "base");
      for (const m of malformed) process.stderr.write(`isoloir: ${m.file}: ${m.message}\n`);
      process.exitCode = malformed.length > 0 ? ExitCode.failure : exitCodeOf(report);
    });
}

async function runDiff(
  base: string,
  head: string | undefined,
  options: DiffOptions,
  progress: boolean,
): Promise<PolicyDiffReport> {
  try {
    return await diffRefs({
      repo: resolve(options.repo),
      base,
      head:
        head === undefined ? { workingTree: { root: repoRoot, exported: runningExport() } } : { ref: head },
      population: options.population,
      lang: options.lang,
      ...(progress ? { progress: (message: string) => process.stderr.write(`${message}…\n`) } : {}),
    });
  } catch (error) {
    if (error instanceof PolicyDiffError) throw new CliError(error.message);
    throw error;
  }
}

/** The running engine's own rule set, exactly as `isoloir policy export` prints it. */
const runningExport = (): RuleSetExport => JSON.parse(exportPolicySetJson()) as RuleSetExport;
