import { Command, CommanderError } from "commander";
import { registerCommands } from "./commands/index";
import { CliError, ExitCode } from "./errors";

const program = new Command("isoloir")
  .description("Isoloir — the campaign data platform that obeys the CNIL and the GDPR by construction")
  .option("--database-url <url>", "a PostgreSQL server (default: $DATABASE_URL, else embedded PGlite)")
  .option(
    "--data-dir <dir>",
    "the embedded PGlite directory (default: $ISOLOIR_DATA_DIR or <repo>/.data/pglite)",
  )
  .option("--json", "machine-readable JSON on stdout")
  .option("--quiet", "no progress on stderr")
  .option("--debug", "print stack traces")
  .exitOverride()
  .showHelpAfterError();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportError(error, program.opts<{ debug?: boolean }>().debug === true);
}

function reportError(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    // help and version exit 0; usage errors were already printed by commander
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.failure;
  }
  if (error instanceof CliError) {
    process.stderr.write(`isoloir: ${error.message}\n`);
    if (debug) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  process.stderr.write(`isoloir: ${(error as Error)?.message ?? String(error)}\n`);
  if (debug) process.stderr.write(`${(error as Error)?.stack}\n`);
  else process.stderr.write("isoloir: run again with --debug for details\n");
  return ExitCode.failure;
}
