import { exportPolicySetJson, policy, ruleById, ruleSet } from "@isoloir/policies";
import { explain, type Lang } from "@isoloir/policy";
import { type Command, Option } from "commander";
import { globalOptions } from "../context";
import { CliError, ExitCode } from "../errors";
import { emit, example } from "../output";
import { collectCaseFiles, describeMalformed, loadCase } from "./policy/case-files";
import { closingLine, failureLine, runCheck } from "./policy/check";
import { registerDiff } from "./policy/diff";
import { registerReference } from "./policy/reference";
import { nearMatches, parseJurisdiction, ruleBlock, ruleSummary, selectRules } from "./policy/rules";

// `isoloir policy …`: the rules as typed code. None of these subcommands opens a database.

function registerCheck(policyCommand: Command): void {
  policyCommand
    .command("check")
    .description("evaluate case files and compare each verdict with its expectation")
    .argument("<paths...>", "case files, or folders searched recursively for *.json")
    .addHelpText(
      "after",
      `\nFolders skip node_modules, package.json and tsconfig*.json. Prints one line per failing case and\n"N passed, M failed"; exits 0 when all pass, 1 when any fails, 2 on a malformed file.${example("isoloir policy check policies/cases")}`,
    )
    .action((paths: string[], _opts: unknown, command: Command) => {
      const opts = globalOptions(command);
      const loaded = collectCaseFiles(paths).map((file) => loadCase(file, true));
      const report = runCheck(policy(), loaded);
      for (const m of report.malformed) process.stderr.write(`isoloir: ${describeMalformed(m)}\n`);
      emit(
        opts,
        () => [...report.failures.map(failureLine), closingLine(report)].join("\n"),
        () => report,
      );
      process.exitCode =
        report.malformed.length > 0 ? ExitCode.failure : report.failed > 0 ? ExitCode.findings : ExitCode.ok;
    });
}

function registerEval(policyCommand: Command): void {
  policyCommand
    .command("eval")
    .description(
      "print the decision for one case file as JSON (decision, reasons, obligations, policy-set version)",
    )
    .argument("<file>", "a case file (its expect, if any, is ignored)")
    .addHelpText(
      "after",
      example(
        "isoloir policy eval policies/cases/public/01-newsletter-subscriber-who-opted-in-may-get-a-political-email.json",
      ),
    )
    .action((file: string, _opts: unknown, command: Command) => {
      const opts = globalOptions(command);
      const [path, ...more] = collectCaseFiles([file]);
      if (!path || more.length > 0 || path !== file) {
        throw new CliError(`${file}: policy eval takes one case file (use policy check for folders)`);
      }
      const loaded = loadCase(path, false);
      if (!loaded.ok) throw new CliError(describeMalformed(loaded));
      const result = policy().evaluate(loaded.value);
      const out = {
        decision: result.decision,
        reasons: result.reasons,
        obligations: result.obligations,
        policySetVersion: result.policySetVersion,
      };
      emit(
        opts,
        () => JSON.stringify(out, null, 2),
        () => out,
      );
    });
}

function registerRules(policyCommand: Command): void {
  policyCommand
    .command("rules")
    .description("list the rules with their summary, citations and basis")
    .option(
      "--jurisdiction <code>",
      "only the packs this jurisdiction applies: FR, EU_INSTITUTION, UK, DE, LU, US (default: all rules)",
    )
    .addHelpText("after", example("isoloir policy rules --jurisdiction FR"))
    .action((options: { jurisdiction?: string }, command: Command) => {
      const opts = globalOptions(command);
      const rules = selectRules(parseJurisdiction(options.jurisdiction));
      emit(
        opts,
        () => rules.map(ruleBlock).join("\n\n"),
        () => rules.map(ruleSummary),
      );
    });
}

function registerExplain(policyCommand: Command): void {
  policyCommand
    .command("explain")
    .description("explain one rule in plain language, generated from its predicate tree")
    .argument("<rule-id>", "a rule id, e.g. FR-CNIL-EMAIL-OPTIN")
    .addOption(new Option("--lang <lang>", "language of the explanation").choices(["fr", "en"]).default("en"))
    .addHelpText("after", example("isoloir policy explain FR-CNIL-EMAIL-OPTIN --lang fr"))
    .action((id: string, options: { lang: Lang }, command: Command) => {
      const opts = globalOptions(command);
      const rule = ruleById(id) ?? ruleById(id.toUpperCase());
      if (!rule) {
        const near = nearMatches(
          id,
          ruleSet.map((r) => r.id),
        );
        throw new CliError(
          `no rule "${id}" — did you mean ${near.join(", ")}? (isoloir policy rules lists them all)`,
        );
      }
      const text = explain(rule, options.lang);
      emit(
        opts,
        () => text,
        () => ({ id: rule.id, lang: options.lang, text }),
      );
    });
}

function registerExport(policyCommand: Command): void {
  policyCommand
    .command("export")
    .description("print the rule set as canonical JSON (sorted keys, rules by id) with its version")
    .addHelpText("after", example("isoloir policy export > policy-set.json"))
    .action(() => {
      process.stdout.write(`${exportPolicySetJson()}\n`);
    });
}

/** Registers `isoloir policy` and returns it, so further subcommands (e.g. `diff`) can attach. */
export function registerPolicy(program: Command): Command {
  const policyCommand = program
    .command("policy")
    .description(
      "the CNIL rules as typed code: check cases, evaluate, list, explain, export, reference, diff",
    )
    .addHelpText(
      "after",
      example(
        "isoloir policy check policies/cases",
        "isoloir policy rules --jurisdiction FR",
        "isoloir policy diff HEAD",
      ),
    );
  registerCheck(policyCommand);
  registerEval(policyCommand);
  registerRules(policyCommand);
  registerExplain(policyCommand);
  registerExport(policyCommand);
  registerReference(policyCommand);
  registerDiff(policyCommand);
  return policyCommand;
}
