import { resolve } from "node:path";
import { DatabaseLockedError, MissingKeyError, type OpenDatabase, openDatabase } from "@isoloir/db";
import type { Command } from "commander";
import { CliError } from "./errors";
import type { OutputOptions } from "./output";
import { defaultDataDir } from "./paths";

export interface GlobalOptions extends OutputOptions {
  databaseUrl?: string;
  dataDir?: string;
  debug?: boolean;
}

/** The options of the root program, merged with a subcommand's own. */
/**
 * The shared `--as <email>` option: the member a command acts as. It is a name, not a proof: whoever runs
 * the command on a machine they control with access to the database may name any member, so it is not
 * authentication (the apps and the API sign members in; the CLI trusts its operator).
 */
export const asOption = (who: string) =>
  [
    "--as <email>",
    `${who}. Names the acting member on a machine the operator controls; it is not authentication`,
  ] as const;

export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

export function databaseConfig(opts: GlobalOptions, holder: string) {
  const databaseUrl = opts.databaseUrl ?? process.env.DATABASE_URL ?? undefined;
  const dataDir = resolve(opts.dataDir ?? process.env.ISOLOIR_DATA_DIR ?? defaultDataDir);
  return { databaseUrl: databaseUrl || undefined, dataDir, holder };
}

/** Opens (and migrates) the configured database, runs `fn`, closes it. */
export async function withDatabase<T>(
  opts: GlobalOptions,
  holder: string,
  fn: (database: OpenDatabase) => Promise<T>,
): Promise<T> {
  const database = await openConfiguredDatabase(opts, holder);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

export async function openConfiguredDatabase(opts: GlobalOptions, holder: string): Promise<OpenDatabase> {
  const config = databaseConfig(opts, holder);
  try {
    return await openDatabase(config);
  } catch (error) {
    if (error instanceof DatabaseLockedError || error instanceof MissingKeyError) {
      throw new CliError(error.message);
    }
    const where = config.databaseUrl ? "the PostgreSQL server in DATABASE_URL" : config.dataDir;
    throw new CliError(`cannot open the database at ${where}: ${(error as Error).message}`);
  }
}
