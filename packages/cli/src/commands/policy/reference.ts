import { readFileSync } from "node:fs";
import { policySetVersion, ruleReferenceCommand, ruleReferenceMarkdown } from "@isoloir/policies";
import type { Command } from "commander";
import { globalOptions } from "../../context";
import { CliError, ExitCode } from "../../errors";
import { emit, example } from "../../output";

function readReference(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    throw new CliError(`${file}: cannot read it — give the path of the rule reference, e.g. docs/rules.md`);
  }
}

/** `--check <file>`: exit 1 when the file is not what the rules generate now. */
function check(file: string, command: Command): void {
  const upToDate = readReference(file) === ruleReferenceMarkdown();
  emit(
    globalOptions(command),
    () =>
      upToDate
        ? `${file} is up to date (policy set ${policySetVersion})`
        : `${file} is out of date with the rules — regenerate it: ${ruleReferenceCommand}`,
    () => ({ file, upToDate, policySetVersion }),
  );
  process.exitCode = upToDate ? ExitCode.ok : ExitCode.findings;
}

/** `isoloir policy reference`: the rule reference as markdown, generated from the rule trees. */
export function registerReference(policyCommand: Command): void {
  policyCommand
    .command("reference")
    .description("print the rule reference (docs/rules.md) as markdown, generated from the rule trees")
    .option("--check <file>", "compare the file with what the rules generate; exit 1 when it differs")
    .addHelpText(
      "after",
      `\nThe output depends only on the rules: the same rules always print the same bytes. With --json,\none object { policySetVersion, markdown } (or, with --check, { file, upToDate, policySetVersion }).${example(
        ruleReferenceCommand.replace(/^npx /, ""),
        "isoloir policy reference --check docs/rules.md",
      )}`,
    )
    .action((options: { check?: string }, command: Command) => {
      if (options.check !== undefined) return check(options.check, command);
      const markdown = ruleReferenceMarkdown();
      emit(
        globalOptions(command),
        () => markdown.trimEnd(),
        () => ({ policySetVersion, markdown }),
      );
    });
}
